"""CONTRIBUTING.md works as written: its worked examples build, its commands and paths exist."""

import re

import yaml

from tests.helpers import BuiltSite
from tests.project import ROOT, copy_project, mkdocs_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- example: (\S+) -->\n\n```yaml\n(.*?)```", re.DOTALL)


def test_worked_examples_build_and_appear_where_the_guide_says(tmp_path):
    examples = EXAMPLE.findall(GUIDE)
    assert sorted(file for file, _ in examples) == [
        "docs/data/comparison.yml", "docs/data/glossary.yml", "docs/data/quiz.yml"]
    project = copy_project(tmp_path / "project")
    for file, snippet in examples:  # "Add it at the end of the file", as the guide says
        path = project / file
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + snippet, encoding="utf-8")

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
