"""The learning features in the built site: every quiz, the glossary tooltips, the handout and the answer key,
all complete against the data; and broken quiz or activity data stops the build at the right line."""

import re
import shutil
from collections import Counter

import pytest

from macros.load import DataError, load_course
from macros.render.glossary import term_spellings
from tests.conftest import ROOT

MIN_ITEMS_PER_MODULE = 5
MIN_ITEMS = 40
MIN_TERMS = 20


def tags(page, tag, **attrs):
    return [a for t, a in page.parser.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def right_explanations(item):
    """What a learner reads about the right answer: each right option's or each pair's explanation."""
    if item.kind == "matching":
        return [pair.explanation for pair in item.pairs]
    return [item.options[index].explanation for index in item.correct_options()]


def test_every_quiz_item_is_valid(course):
    source_ids = {s.id for s in course.comparison.sources}
    for item in course.quiz:
        if item.kind == "matching":
            assert len(item.pairs) >= 2 and all(p.explanation for p in item.pairs), item.id
        else:
            assert item.correct_options() and all(0 <= i < len(item.options) for i in item.correct_options())
            assert all(option.text and option.explanation for option in item.options), item.id
            assert len({option.text for option in item.options}) == len(item.options), item.id
        assert item.source in source_ids, item.id


def test_enough_quiz_items_of_enough_kinds(course):
    per_module = Counter(item.module for item in course.quiz)
    assert {m.id: per_module[m.id] >= MIN_ITEMS_PER_MODULE for m in course.modules} == \
        {m.id: True for m in course.modules}
    assert len(course.quiz) >= MIN_ITEMS
    assert {item.kind for item in course.quiz} == {"mcq", "classify", "true_false", "multiple", "matching"}


def test_every_module_page_shows_its_quiz_and_activities(site, course):
    for module in course.modules:
        page = site.page(module.page)
        assert "check-your-understanding" in page.parser.ids and "activities" in page.parser.ids, module.id
        shown = [f["data-item"] for f in tags(page, "fieldset") if f.get("id", "").startswith("quiz-")]
        assert shown == [item.id for item in course.self_check(module.id)], module.id
        for item in course.self_check(module.id):
            assert item.prompt in page.text and all(e in page.text for e in right_explanations(item)), item.id
        entry = course.module_activities(module.id)
        for scenario in entry.scenarios:
            assert f"case-{scenario.id}" in page.parser.ids and scenario.model_answer in page.text
        for prompt in entry.reflection + entry.discussion:
            assert prompt.text in page.text
        assert any("quiz.js" in (a.get("src") or "") for a in tags(page, "script")), module.id


def test_every_glossary_term_is_defined_on_the_glossary_page(site, course):
    assert len(course.terms) >= MIN_TERMS
    page = site.page("glossary.md")
    for term in course.terms:
        assert term.id in page.parser.ids and term.definition in page.text


def built_sources(site):
    """(source path, built page) for every Markdown page that the build turned into a page."""
    for source in sorted((ROOT / "docs").rglob("*.md")):
        src_uri = source.relative_to(ROOT / "docs").as_posix()
        try:
            yield src_uri, site.page(src_uri)
        except KeyError:
            continue  # not built (excluded or a draft); the link tests catch a page that should exist


def prose(markdown: str) -> str:
    """The running text of a page's source: no front matter, macro calls, headings, tags or link texts,
    which is where the abbreviations (and so the tooltips) apply."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"\{\{.*?\}\}", " ", text, flags=re.DOTALL)
    text = re.sub(r"^#.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\[[^\]]*\]\([^)]*\)", " ", text)


def test_every_term_used_on_a_page_carries_its_tooltip_and_links_to_its_entry(site, course):
    checked = 0
    for src_uri, page in built_sources(site):
        if src_uri == "glossary.md":
            continue
        source = ROOT / "docs" / src_uri
        links = {a["href"].rsplit("#", 1)[1]: a for a in tags(page, "a", **{"class": "glossary-term"})}
        text = prose(source.read_text(encoding="utf-8"))
        for term in course.terms:
            if any(re.search(rf"\b{re.escape(s)}\b", text) for s in term_spellings(term)):
                assert term.id in links, f"{src_uri}: '{term.term}' has no glossary link"
                assert links[term.id]["title"] == term.definition
                assert links[term.id]["href"].split("#")[0].endswith(("glossary/", "glossary.html"))
                checked += 1
    assert checked >= MIN_TERMS, "the check found too few terms in use to mean anything"


def test_handout_holds_every_dimension(site, course):
    page = site.page("instructors/handout.md")
    rows = [r["data-dimension"] for r in tags(page, "tr") if "data-dimension" in r]
    assert rows == [d.id for g in course.comparison.groups for d in course.comparison.dimensions if d.group == g.id]
    for dimension in course.comparison.dimensions:
        assert dimension.management in page.text and dimension.leadership in page.text


def test_guide_holds_the_answer_key_outcomes_plans_cards_and_misconceptions(site, course):
    page = site.page("instructors/guide.md")
    for item in course.quiz:
        assert f"key-{item.id}" in page.parser.ids
        for index in item.correct_options():
            assert item.options[index].text in page.text, item.id
        for pair in item.pairs:
            assert pair.premise in page.text and pair.response in page.text, item.id
    for module in course.modules:
        assert all(objective.text in page.text for objective in module.objectives)
    for plan in course.activities.lesson_plans:
        assert f"plan-{plan.id}" in page.parser.ids
    cards = {(c["data-dimension"], c["data-side"]) for c in tags(page, "li") if "data-side" in c}
    sorted_dimensions = course.activities.card_sort.dimensions(course.comparison.dimensions)
    assert cards == {(d.id, side) for d in sorted_dimensions for side in ("management", "leadership")}
    assert {c["data-dimension"] for c in tags(page, "li") if "data-side" in c}.isdisjoint(
        course.activities.card_sort.leave_out)
    for misconception in course.activities.misconceptions:
        assert f"misconception-{misconception.id}" in page.parser.ids


def test_print_stylesheet_is_linked_on_every_page(site):
    for _, page in built_sources(site):
        assert any((a.get("href") or "").endswith("print.css") for a in tags(page, "link")), page.url


# --- Broken data stops the build with the file, line and field ---------------------------------------

@pytest.fixture
def docs(tmp_path):
    """A copy of docs/ to break: the real files are never touched."""
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy, ignore=shutil.ignore_patterns("assets"))
    return copy


# (file, text to replace (first occurrence), replacement, expected field, words in the message, the line to point at)
BROKEN = {
    "answer out of range": ("quiz.yml", "    answer: 0\n    source: kotter1990hbr\n",
                            "    answer: 7\n    source: kotter1990hbr\n", "items[0].answer", "from 0 to 3",
                            "    answer: 7"),
    "unknown source": ("quiz.yml", "    source: fayol1916\n", "    source: fayol1917\n", "items[{item}].source",
                       "unknown source 'fayol1917'", "    source: fayol1917"),
    "unknown module": ("quiz.yml", "    module: leadership\n", "    module: leading\n", "items[{item}].module",
                       "unknown module 'leading'", "    module: leading"),
    "duplicate id": ("quiz.yml", "  - id: fayol-elements\n", "  - id: kotter-management-processes\n",
                     "items[{item}].id", "already used at line",
                     "  - id: kotter-management-processes\n    module: management\n    objective: management-trace-models"),
    "unknown kind": ("quiz.yml", "    kind: classify\n", "    kind: sorting\n", "items[{item}].kind", "expected one of",
                     "    kind: sorting"),
    "missing explanation": ("quiz.yml", "        explanation: These three processes turn goals into plans, "
                            "structures and checks on results.\n", "", "items[0].options[0].explanation",
                            "required field is missing", "      - text: Planning and budgeting; organising"),
    "true_false options": ("quiz.yml", '      - text: "True"\n', '      - text: "Yes"\n', "items[{item}].options",
                           "'True' then 'False'", '      - text: "Yes"'),
    "unknown dimension": ("activities.yml", "dimensions: [keeping-on-track,", "dimensions: [keeping-on-trak,",
                          "modules[0].scenarios[0].dimensions[0]", "unknown dimension 'keeping-on-trak'",
                          "        dimensions: [keeping-on-trak,"),
    "lesson plan timings": ("activities.yml", "      - minutes: 5\n        activity: Open with",
                            "      - minutes: 6\n        activity: Open with", "lesson_plans[0].minutes",
                            "add up to 51 minutes; expected 50", "    minutes: 50\n    steps:"),
    "duplicate scenario id": ("activities.yml", "      - id: classify-the-week\n", "      - id: well-run-decline\n",
                              "modules[2].scenarios[1].id", "already used",
                              "      - id: well-run-decline\n        title: Classify"),
    "unknown activity source": ("activities.yml", "  source: hartwaisman2005\n", "  source: hartwaisman2006\n",
                                "card_sort.source", "unknown source 'hartwaisman2006'", "  source: hartwaisman2006"),
}


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_learning_data_names_file_line_and_field(docs, case):
    name, old, new, field, words, expected_line = BROKEN[case]
    path = docs / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    broken = text.replace(old, new, 1)
    # The item's number in the list, counted from the edit, so the case survives items added above it.
    field = field.format(item=text[: text.index(old)].count("\n  - id: ") - 1 + (old.startswith("  - id: ")))
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_course(docs)
    error = raised.value
    assert error.file.endswith(f"data/{name}") and error.field == field and words in error.expected, str(error)
    assert error.line == line_of(broken, expected_line), str(error)
    assert str(error).startswith(f"{path}:{error.line}:") or f"data/{name}:{error.line}:" in str(error)


def test_alignment_table_and_assessment_pages_match_the_data(site, course):
    guide = site.page("instructors/guide.md")
    rows = [r for r in tags(guide, "tr") if "data-objective" in r]
    assert [r["data-objective"] for r in rows] == [o.id for o in course.objectives()]
    for objective in course.objectives():
        assert f"align-{objective.id}" in guide.parser.ids and objective.text in guide.text
    home = site.page("index.md")
    assert any((a.get("href") or "").endswith("assessment/pretest/") for a in tags(home, "a"))
    final = site.page("assessment/final.md")
    assert f"You pass with {course.assessment.pass_mark} %" in final.text
    container = next(d for d in tags(final, "div") if d.get("data-context") == "final")
    assert container["data-pass-mark"] == str(course.assessment.pass_mark)
    assert container["data-draw"] == str(course.assessment.final_items)
    pretest = site.page("assessment/pretest.md")
    assert [f["data-item"] for f in tags(pretest, "fieldset")] == [i.id for i in course.pretest()]
    for module in course.modules:
        page = site.page(module.page)
        shown = [f["data-item"] for f in tags(page, "fieldset") if f.get("id", "").startswith("inline-")]
        assert sorted(shown) == sorted(i.id for i in course.inline_checks(module.id)), module.id
        case = course.worked_case(module.id)
        assert f"worked-{case.id}" in page.parser.ids and case.steps[-1].text in page.text
        assert f"rubric-{module.id}" in page.parser.ids
    capstone = site.page("assessment/capstone.md")
    assert all(paragraph in capstone.text for paragraph in course.practice.capstone.brief)
