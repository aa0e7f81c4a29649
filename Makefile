# Every target sets up .venv first, so each one works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2 on every run; it is not about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build lint test bench requirements clean

# Every file pip installs must match a hash in requirements.txt (compiled from requirements.in: make requirements).
$(INSTALLED): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $(INSTALLED)

# pip-tools (pinned and hashed in requirements-tools.txt) in a virtualenv of its own, for make requirements only.
TOOLS := .venv-tools
TOOLS_INSTALLED := $(TOOLS)/.installed
$(TOOLS_INSTALLED): requirements-tools.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-tools.txt
	touch $(TOOLS_INSTALLED)

# Recompile requirements.txt from requirements.in, keeping every pin that still fits (add --upgrade-package NAME to
# PIP_COMPILE_ARGS to move one). Plain `name==x.y.z` pins found in requirements.txt (a merge, a hand edit) are
# first moved into requirements.in, so none is lost. Dependabot reads the options from the compiled file's header.
PIP_COMPILE_ARGS ?=
requirements: $(TOOLS_INSTALLED)
	$(PYTHON) scripts/requirements.py adopt
	$(TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links $(PIP_COMPILE_ARGS) --output-file requirements.txt requirements.in
	$(PYTHON) scripts/requirements.py check

# The preview lives at the server's root, not under the published path of site_url. `exec` hands the
# recipe's process over to the server, so Ctrl-C, or a kill of make's PID (make passes SIGTERM on to
# its child) or of the server's, stops it. SERVE_ADDRESS=127.0.0.1:8001 make serve for another port.
SERVE_ADDRESS ?= 127.0.0.1:8000
serve: $(INSTALLED)
	@echo "Serving the preview at http://$(SERVE_ADDRESS)/ ; press Ctrl-C to stop it."
	SITE_URL=http://$(SERVE_ADDRESS)/ exec $(BIN)/mkdocs serve --dev-addr $(SERVE_ADDRESS)

# Builds beside site/ and swaps it in only on success: a broken edit never loses the last good site.
# OFFLINE_ZIP=true adds the offline copy (downloads/leading-and-managing-offline.zip): a second
# full build, so only here, not in the tests' builds (tests/browser/test_offline.py builds it once).
# BOOK_FILES=true prints the whole course to PDF (Chromium) and writes the EPUB (macros/book_hooks.py).
build: $(INSTALLED)
	OFFLINE_ZIP=true BOOK_FILES=true MKDOCS=$(BIN)/mkdocs scripts/build.sh

# Spelling, Markdown, YAML and Python style; settings in pyproject.toml, .pymarkdown.json and .yamllint.
lint: $(INSTALLED)
	$(BIN)/codespell docs $(wildcard *.md)
	$(BIN)/pymarkdown --config .pymarkdown.json scan -r docs $(wildcard *.md)
	$(BIN)/yamllint --strict docs/data mkdocs.yml $(wildcard .github)
	$(BIN)/ruff check macros tests scripts
	$(BIN)/python scripts/requirements.py check

# axe-core for the accessibility checks, pinned with its hash in tests/browser/package-lock.json (npm ci checks it).
# Without npm the axe checks are skipped, as the browser tests are without Chromium; in CI (CI=true) it stops here.
AXE_INSTALLED := tests/browser/node_modules/.installed
$(AXE_INSTALLED): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		echo "npm ci --prefix tests/browser"; npm ci --prefix tests/browser --no-audit --no-fund && touch $(AXE_INSTALLED); \
	elif [ "$$CI" = true ]; then echo "No npm, which CI needs for axe-core: apt-get install npm"; exit 1; \
	else echo "No npm: the axe-core checks will be skipped. To run them: sudo apt-get install npm"; fi

# One worker per core (pytest-xdist); the site is built once for all workers, and a file's tests run on one worker
# (tests/conftest.py). PYTEST_ARGS="-k quiz" to run fewer.
PYTEST_ARGS ?=
test: $(INSTALLED) $(AXE_INSTALLED) lint
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# Lighthouse and the Node 22 it needs, pinned in package-lock.json; only make bench uses them.
NODE_INSTALLED := node_modules/.installed
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_INSTALLED)

# Build time and growth, page weight and Lighthouse scores (tests/bench/bench.py). Prints figures,
# asserts nothing; several minutes. BENCH_RUNS=3 for quicker, rougher medians; name sections to run fewer.
bench: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m tests.bench.bench $(SECTIONS)

clean:
	rm -rf $(VENV) $(TOOLS) site .pytest_cache node_modules tests/browser/node_modules
