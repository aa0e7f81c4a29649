"""The loader: the real data loads, and each broken file fails with one clear message."""

import shutil

import pytest

from macros.load import DataError, load_course
from tests.conftest import ROOT

FOCUS_MANAGEMENT = "    management: Keeping current operations stable, efficient and consistent\n"


@pytest.fixture
def docs(tmp_path):
    """A copy of docs/ to break: the real files are never touched."""
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy, ignore=shutil.ignore_patterns("assets"))
    return copy


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_real_data_loads():
    course = load_course(ROOT / "docs")
    assert course.comparison.dimensions and course.modules and course.terms


def edit(docs, name, old, new):
    path = docs / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


# (file, text to replace, replacement, expected field, expected words in the message, the line to point at)
BROKEN = {
    "missing field": ("comparison.yml", FOCUS_MANAGEMENT, "", "dimensions[0].management",
                      "required field is missing", "  - id: focus"),
    "unknown field": ("comparison.yml", FOCUS_MANAGEMENT, FOCUS_MANAGEMENT.replace("management:", "managment:"),
                      "dimensions[0].managment", "unknown field; expected one of: id, name, group, management", "    managment:"),
    "empty value": ("comparison.yml", FOCUS_MANAGEMENT, "    management: ''\n", "dimensions[0].management",
                    "non-empty text", "    management: ''"),
    "wrong type": ("comparison.yml", FOCUS_MANAGEMENT, "    management: [a, b]\n", "dimensions[0].management",
                   "expected text", "    management: [a, b]"),
    "list expected": ("comparison.yml", "    sources: [heifetz1994]\n", "    sources: heifetz1994\n",
                      "sources", "expected a list", "    sources: heifetz1994"),
    "duplicate id": ("comparison.yml", "  - id: guiding-question", "  - id: focus", "dimensions[1].id",
                     "already used at line", "  - id: focus\n    name: Guiding"),
    "dangling source": ("comparison.yml", "    sources: [heifetz1994]\n", "    sources: [heifetz1995]\n",
                        "sources[0]", "unknown source 'heifetz1995'", "    sources: [heifetz1995]"),
    "dangling claim": ("comparison.yml", "    claims: [D3]\n", "    claims: [D99]\n", "claims[0]",
                       "unknown claim 'D99'", "    claims: [D99]"),
    "bad claim id": ("comparison.yml", "    claims: [D3]\n", "    claims: [d3]\n", "claims[0]",
                     "expected a claim id", "    claims: [d3]"),
    "unknown group": ("comparison.yml", "    group: both\n", "    group: neither\n", "group",
                      "unknown group 'neither'", "    group: neither"),
    "bad source kind": ("comparison.yml", "    kind: web\n", "    kind: website\n", "sources[5].kind",
                        "expected one of", "    kind: website"),
    "dangling glossary dimension": ("glossary.yml", "    dimensions: [problem-type]\n",
                                    "    dimensions: [problem-types]\n", "dimensions[0]",
                                    "unknown dimension 'problem-types'", "    dimensions: [problem-types]"),
    "missing module page": ("course.yml", "page: conclusion/index.md", "page: conclusions/index.md",
                            "page", "no page 'conclusions/index.md'", "page: conclusions/index.md"),
    "duplicate key": ("glossary.yml", "    term: Vision\n", "    term: Vision\n    term: Vision\n", "term",
                      "appears twice", "    term: Vision\n    definition"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_data_names_file_line_field_and_expectation(docs, case):
    name, old, new, field, expected, marker = BROKEN[case]
    edit(docs, name, old, new)
    broken_text = (docs / "data" / name).read_text(encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_course(docs)
    error = caught.value
    assert error.file.endswith(f"data/{name}")
    assert error.line == line_of(broken_text, marker), str(error)
    assert field in (error.field or ""), str(error)
    assert expected in str(error)
    assert str(error).startswith(f"{error.file}:{error.line}:{error.column}: ")


@pytest.mark.parametrize("raw, line, expected", [
    (b"dimensions:\n\t- id: x\n", 2, "indent with spaces"),
    (b"dimensions: [\n", 2, "invalid YAML"),
    (b"", 1, "the file is empty"),
    (b"sources:\n  - id: caf\xe9\n", 2, "not UTF-8"),
])
def test_unreadable_files(docs, raw, line, expected):
    (docs / "data" / "comparison.yml").write_bytes(raw)
    with pytest.raises(DataError) as caught:
        load_course(docs)
    assert caught.value.line == line and expected in str(caught.value)


def test_a_byte_order_mark_is_accepted(docs):
    path = docs / "data" / "glossary.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_course(docs).terms
