# Every target sets up .venv first, so each one works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2 on every run; it is not about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build lint test bench clean

$(INSTALLED): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

# The preview lives at the server's root, not under the published path of site_url.
serve: $(INSTALLED)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

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
	$(BIN)/ruff check macros tests

test: $(INSTALLED) lint
	$(BIN)/python -m pytest

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
	rm -rf $(VENV) site .pytest_cache node_modules
