"""CONTRIBUTING.md works as written: its worked examples pass the checks of `make test`, its commands and
paths exist, and it says which command to run when."""

import re
import shutil
import subprocess
import sys

import yaml

from tests.helpers import BuiltSite
from tests.project import ROOT, add_make, copy_project, make, make_env, mkdocs_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- example: (\S+) -->\n\n```yaml\n(.*?)```", re.DOTALL)


# What `make test` reads besides the build's own files: the tests and the linters' settings.
TEST_PARTS = ("tests", "pyproject.toml", ".yamllint", ".pymarkdown.json")
# The checks of `make test` that a data edit can fail, run on a copy with the examples added. Left out:
# the browser tests (minutes, and Chromium; they check pages and scripts, which the examples do not
# change) and the broken-input corpus (it edits the data the examples leave alone).
SUITES = ("tests/unit", "tests/site")


def project_with_examples(folder):
    examples = EXAMPLE.findall(GUIDE)
    assert sorted(file for file, _ in examples) == [
        "docs/data/comparison.yml", "docs/data/glossary.yml", "docs/data/quiz.yml"]
    project = copy_project(folder)
    for file, snippet in examples:  # "Add it at the end of the file", as the guide says
        path = project / file
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + snippet, encoding="utf-8")
    return project, examples


def test_worked_examples_pass_the_checks_of_make_test(tmp_path):
    project, _ = project_with_examples(tmp_path / "project")
    add_make(project)
    for part in TEST_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(ROOT / part, project / part)
    linted = make(project, "lint")
    assert linted.returncode == 0, linted.stdout
    tested = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITES],
                            cwd=project, env=make_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=600)
    assert tested.returncode == 0, tested.stdout[-5000:]


def test_worked_examples_build_and_appear_where_the_guide_says(tmp_path):
    project, examples = project_with_examples(tmp_path / "project")

    result = mkdocs_build(project, "--site-dir", "site")
    assert result.returncode == 0, result.stdout

    site = BuiltSite(project / "site", None)
    added = {file: yaml.safe_load(snippet)[0] for file, snippet in examples}
    assert added["docs/data/comparison.yml"]["name"] in site.page("differences/index.md").text
    assert added["docs/data/glossary.yml"]["term"] in site.page("glossary.md").text
    quiz = added["docs/data/quiz.yml"]
    assert quiz["prompt"] in site.page(f"{quiz['module']}/index.md").text


def test_every_make_command_in_the_guide_exists():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    commands = set(re.findall(r"`make (\w+)`", GUIDE))
    assert commands and commands <= targets


# Folders that a build or `make` creates, so a fresh clone does not have them yet.
MADE_BY_THE_BUILD = {".venv/", "site/"}


def test_every_file_the_guide_names_exists():
    paths = {token for token in re.findall(r"`([\w./-]+)`", GUIDE)
             if "/" in token and "*" not in token and "..." not in token and not token.startswith("../")} - MADE_BY_THE_BUILD
    assert paths, "the guide names no files"
    assert sorted(path for path in paths if not (ROOT / path).exists()) == []


def test_the_guide_says_to_build_after_each_edit_and_test_before_the_pull_request():
    steps = GUIDE.split("## From a fresh clone to a pull request", 1)[1].split("\n## ", 1)[0]
    edit = next(step for step in re.split(r"\n(?=\d\. )", steps) if step.startswith("4. "))
    check = next(step for step in re.split(r"\n(?=\d\. )", steps) if step.startswith("5. "))
    assert "`make build`" in edit, "step 4 should give the quick check after each edit"
    assert "`make test`" in check and "pull request" in check
