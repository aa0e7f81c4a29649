"""Installs by hash: requirements.txt is compiled from requirements.in, and every file pip installs has a hash;
so has every npm package (the tests' axe-core, the bench's Lighthouse), in its package-lock.json."""

import json
import re

from scripts import requirements
from tests.conftest import ROOT
from tests.project import npm_projects

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def pins(text: str) -> dict[str, str]:
    """Canonical package name -> exact version, from a requirements file."""
    found = {}
    for _, requirement in requirements.requirements(text):
        match = PIN.match(requirement.split()[0])
        assert match, f"not an exact pin: {requirement}"
        found[requirements.canonical(match.group(1))] = match.group(2)
    return found


def test_every_requirement_has_a_hash():
    assert requirements.unhashed((ROOT / "requirements.txt").read_text(encoding="utf-8")) == []
    assert requirements.unhashed((ROOT / "requirements-tools.txt").read_text(encoding="utf-8")) == []


def test_the_check_finds_a_pin_without_a_hash(tmp_path):
    compiled = tmp_path / "requirements.txt"
    compiled.write_text("# a comment\nmkdocs==1.6.1 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n"
                        "    # via -r requirements.in\nnewpackage==1.0.0  # added by hand\n", encoding="utf-8")
    assert requirements.unhashed(compiled.read_text(encoding="utf-8")) == [(6, "newpackage==1.0.0")]
    assert requirements.check(compiled) == 1


def test_direct_dependencies_are_exact_pins_that_the_compiled_file_keeps():
    """requirements.txt was compiled from the requirements.in of this commit: same versions, nothing missing."""
    direct = pins((ROOT / "requirements.in").read_text(encoding="utf-8"))
    compiled = pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert {name: compiled.get(name) for name in direct} == direct
    assert "pip-tools" in pins((ROOT / "requirements-tools.in").read_text(encoding="utf-8"))


def test_plain_pins_left_in_requirements_txt_move_to_requirements_in(tmp_path):
    """What `make requirements` does first after a merge brings plain pins into the compiled file."""
    compiled, direct = tmp_path / "requirements.txt", tmp_path / "requirements.in"
    direct.write_text("# Site\nmkdocs==1.6.1\n", encoding="utf-8")
    compiled.write_text("mkdocs==1.6.1 \\\n    --hash=sha256:abc\n# Added on a branch\nscorm_tools==2.0.1\n"
                        "mkdocs==1.6.0\n", encoding="utf-8")
    assert requirements.adopt(compiled, direct) == 0
    assert pins(direct.read_text(encoding="utf-8")) == {"mkdocs": "1.6.1", "scorm-tools": "2.0.1"}


def test_the_makefile_installs_by_hash():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    assert "--generate-hashes" in makefile and "scripts/requirements.py check" in makefile


EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def test_every_npm_package_is_pinned_exactly_and_locked_with_its_hash():
    """npm ci installs exactly the lock file and refuses a tarball whose hash differs from its `integrity`."""
    projects = npm_projects()
    assert ROOT / "tests" / "browser" in projects
    for project in projects:
        manifest = json.loads((project / "package.json").read_text(encoding="utf-8"))
        wanted = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
        assert wanted, project
        assert {name: version for name, version in wanted.items() if not EXACT_VERSION.match(version)} == {}, project
        lock = json.loads((project / "package-lock.json").read_text(encoding="utf-8"))
        locked = lock["packages"][""]
        assert {**locked.get("dependencies", {}), **locked.get("devDependencies", {})} == wanted, \
            f"{project}: run npm install there to update the lock"
        unhashed = [path for path, package in lock["packages"].items()
                    if path and not package.get("link") and not package.get("integrity", "").startswith("sha512-")]
        assert unhashed == [], project


def test_make_test_installs_the_locked_axe_core():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "npm ci --prefix tests/browser" in makefile
    assert re.search(r"^test: .*\$\(AXE_INSTALLED\)", makefile, re.MULTILINE)


def test_the_readme_says_how_to_add_a_dependency():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Adding a dependency" in readme
    section = readme.split("## Adding a dependency", 1)[1]
    assert "`requirements.in`" in section and "`make requirements`" in section and "--save-exact" in section
