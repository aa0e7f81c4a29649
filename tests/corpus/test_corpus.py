"""Bad input never hurts: each broken edit stops a real `make build` with one clear message, no traceback and
no site; each hostile value builds and is shown as plain text.

`make build` (scripts/build.sh) runs `mkdocs build --strict` and passes on what it prints, so every case checks
both commands at once. A sample of the cases, one for each stage at which a build can stop (the YAML, the
schema, the cross-references, a page's front matter, a macro, a link), also runs `mkdocs build` on its own, so
that a change to the script cannot hide what MkDocs prints. Every case builds its own copy of the project in a
separate process, in parallel threads (tests/workflow/test_serve.py covers `make serve`).
"""

import os
import re
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest

from tests.corpus.cases import BROKEN, HOSTILE, Broken, Hostile
from tests.helpers import PageParser
from tests.project import add_make, copy_project, make, mkdocs_build

MESSAGE = re.compile(r"^(?:ERROR|WARNING)\s+-\s+(.*)$", re.MULTILINE)
WORKERS = max(2, os.cpu_count() or 2)
# The cases that also run `mkdocs build` on its own: one for each stage at which a build stops.
MKDOCS_SAMPLE = ("yaml-unclosed-bracket", "unknown-field", "dangling-source", "quiz-unknown-objective",
                 "front-matter-invalid-yaml", "page-unknown-claim", "macro-syntax-error", "broken-link")


def messages(output: str) -> list[str]:
    return MESSAGE.findall(output)


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory) -> dict[str, tuple[str, object, object, list[str]]]:
    """case name -> (the message it must produce, `mkdocs build`, `make build`, what make build left beside site)"""

    def build(case: Broken):
        folder = tmp_path_factory.mktemp(case.name)
        project = add_make(copy_project(folder / "project"))
        changed_line = case.edit.apply(project)
        built = mkdocs_build(project, "--site-dir", str(folder / "mkdocs-site")) if case.name in MKDOCS_SAMPLE else None
        made = make(project, "build")
        left = sorted(path.name for path in project.iterdir() if path.name.startswith("site"))
        return case.name, (case.message(project, changed_line), built, made, left)

    with ThreadPoolExecutor(WORKERS) as pool:
        return dict(pool.map(build, BROKEN))


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory) -> dict[str, tuple[object, object]]:
    """case name -> (the finished build, the folder of the built site)"""

    def build(case: Hostile):
        project = copy_project(tmp_path_factory.mktemp(case.name))
        case.edit.apply(project)
        return case.name, (mkdocs_build(project, "--site-dir", "site"), project / "site")

    with ThreadPoolExecutor(WORKERS) as pool:
        return dict(pool.map(build, HOSTILE))


def test_the_corpus_covers_at_least_30_broken_inputs():
    assert len(BROKEN) >= 30
    assert set(MKDOCS_SAMPLE) <= {case.name for case in BROKEN}
    assert len({case.name for case in BROKEN + HOSTILE}) == len(BROKEN + HOSTILE)


def assert_one_clear_message(case: Broken, expected: str, result) -> None:
    assert result.returncode != 0, f"{case.description}: the build passed\n{result.stdout}"
    assert "Traceback" not in result.stdout, result.stdout
    found = messages(result.stdout)
    assert len(found) == 1, "expected one message, got:\n" + "\n".join(found)
    assert expected in found[0], f"expected the message to contain:\n  {expected}\ngot:\n  {found[0]}"


@pytest.mark.parametrize("case", [case for case in BROKEN if case.name in MKDOCS_SAMPLE], ids=lambda case: case.name)
def test_broken_input_stops_mkdocs_build_with_one_clear_message(case, broken_builds):
    expected, built, _, _ = broken_builds[case.name]
    assert_one_clear_message(case, expected, built)


@pytest.mark.parametrize("case", BROKEN, ids=lambda case: case.name)
def test_broken_input_stops_make_build_with_one_clear_message_and_no_site(case, broken_builds):
    """The same one message from `make build`: no second report from the offline copy, no site/ swapped in."""
    expected, _, made, left = broken_builds[case.name]
    assert_one_clear_message(case, expected, made)
    assert left == [], f"make build left {left} behind"


class CellCounter(HTMLParser):
    """The width of each row of the comparison tables, counting colspan."""

    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []
        self.in_comparison = False  # the next table sits in a div.comparison-table
        self.tables: list[bool] = []  # for each open table: is it a comparison table?

    def handle_starttag(self, tag, attrs):
        if tag == "div" and "comparison-table" in (dict(attrs).get("class") or "").split():
            self.in_comparison = True
        elif tag == "table":
            self.tables.append(self.in_comparison)
            self.in_comparison = False
        elif not (self.tables and self.tables[-1]):
            return
        elif tag == "tr":
            self.widths.append(0)
        elif tag in ("td", "th") and self.widths:
            self.widths[-1] += int(dict(attrs).get("colspan") or 1)

    def handle_endtag(self, tag):
        if tag == "table" and self.tables:
            self.tables.pop()


@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_value_builds_and_shows_as_plain_text(case, hostile_builds):
    result, site = hostile_builds[case.name]
    assert result.returncode == 0, result.stdout
    assert messages(result.stdout) == []
    stem = case.page.removesuffix(".md").removesuffix("index")
    html = (site / stem / "index.html").read_text(encoding="utf-8")
    parser = PageParser()
    parser.feed(html)
    text = " ".join(" ".join(parser.text_parts).split())
    assert " ".join(case.shown.split()) in text
    assert "alert(" not in " ".join(str(attributes) for _, attributes in parser.tags)
    assert "<script>alert" not in html
    counter = CellCounter()
    counter.feed(html)
    assert set(counter.widths) <= {4}, "a value broke the shape of a table"
