"""The item bank's model, the final's draw and the assessment renders, on data built in code or on the
course's own data, without building the site."""

from collections import Counter
from pathlib import Path

import pytest

from macros.draw import attempt, draw, mulberry32, shuffled
from macros.load import DataError, load_course
from macros.model import ABOVE_RECALL, MatchPair, QuizItem, QuizOption
from macros.render import assessment, practice, quiz
from tests.unit.sample import MODULE, SOURCES, link
from tests.unit.test_learning_render import Parsed

ROOT = Path(__file__).resolve().parents[2]

MATCHING = QuizItem(
    id="katz-levels", module="management", objective="management-fayol", level="apply", kind="matching",
    prompt="Match each post to the skill it needs most.",
    pairs=[MatchPair(premise="Chief executive", response="Conceptual", explanation="Sees the whole."),
           MatchPair(premise="Foreman", response="Technical", explanation="Knows the method.")],
    distractors=["Charisma"], source="kotter1990hbr")
MULTIPLE = QuizItem(
    id="aims", module="management", objective="management-fayol", level="understand", kind="multiple",
    prompt="Which are aims of management?",
    options=[QuizOption(text="Efficiency", explanation="Yes."), QuizOption(text="Stability", explanation="Yes."),
             QuizOption(text="Upheaval", explanation="No.")],
    answers=[0, 1], source="bennis1989")




@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "docs")


# --- The bank meets the bar ------------------------------------------------------------------

def test_bank_is_large_mostly_above_recall_and_every_objective_has_two_items(course):
    assert len(course.quiz) >= 60
    assert sum(item.level in ABOVE_RECALL for item in course.quiz) * 2 >= len(course.quiz)
    counts = Counter(item.objective for item in course.quiz)
    assert {o.id: counts[o.id] >= 2 for o in course.objectives()} == {o.id: True for o in course.objectives()}
    assert {"multiple", "matching"} <= {item.kind for item in course.quiz}


def test_where_items_are_used(course):
    assert 8 <= len(course.pretest()) <= 10
    assert {item.module for item in course.pretest()} == {m.id for m in course.modules}
    assert len(course.final_pool()) >= course.assessment.final_items >= 20
    assert course.assessment.pass_mark == 80
    for number, module in enumerate(course.modules):
        assert 1 <= len(course.inline_checks(module.id)) <= 2
        reviews = [i for i in course.self_check(module.id) if i.module != module.id]
        earlier = {m.id for m in course.modules[:number]}
        assert {i.module for i in reviews} <= earlier
        assert (1 <= len(reviews) <= 2) if number else not reviews


def test_classify_items_offer_both_where_the_course_says_the_two_overlap(course):
    both = [i for i in course.quiz if i.kind == "classify" and any(o.text == "Both" for o in i.options)]
    assert len(both) >= 4
    assert any(i.options[i.answer].text == "Both" for i in both)


def test_flagged_items_are_reworked(course):
    leading = course.item("leading-without-title")
    assert "Both" in [o.text for o in leading.options]
    for item_id in ("kotter-not-better", "folklore-and-fact", "practitioners-mix", "transactional-is-leadership"):
        assert course.item(item_id).kind != "true_false", item_id
    assert "question" not in course.item("challenge-the-process").prompt.lower()
    assert "interpersonal" not in course.item("mintzberg-leader-role").prompt.lower()
    twin = course.item("twin-studies")
    assert "variance" in twin.prompt and "measurement error" in twin.options[twin.answer].text
    kotter = course.item("kotter-not-better")
    assert "not necessarily better than management or a replacement for it" in kotter.options[kotter.answer].text
    assert not any("cannot replace" in o.explanation for i in course.quiz for o in i.options)


# --- The draw -----------------------------------------------------------------------------------------

def test_mulberry32_matches_the_javascript_original():
    # The first numbers of mulberry32(1), as computed by the JavaScript original (bryc, public domain).
    random = mulberry32(1)
    assert [round(random(), 10) for _ in range(3)] == [0.6270739406, 0.0027357212, 0.52744704]


def test_shuffle_is_a_permutation_and_depends_on_the_seed():
    ids = [str(n) for n in range(30)]
    assert sorted(shuffled(ids, 7)) == sorted(ids)
    assert shuffled(ids, 7) == shuffled(ids, 7) != shuffled(ids, 8)


def test_draw_covers_every_objective_interleaves_modules_and_retakes_differ(course):
    pool, count = course.final_pool(), course.assessment.final_items
    modules = [m.id for m in course.modules]
    first, second = attempt(pool, count, 1, modules), attempt(pool, count, 2, modules)
    for drawn in (first, second):
        assert len(drawn) == len(set(drawn)) == count
        assert {course.item(i).objective for i in drawn} == {o.id for o in course.objectives()}
        order = [course.item(i).module for i in drawn]
        assert order[:4] == modules, "the first four questions come one from each module"
    assert len(set(first) & set(second)) < count // 2
    assert attempt(pool, count, 2, modules) == second
    assert draw(pool, count, 2, frozenset(first), modules) == second


# --- Renders ------------------------------------------------------------------------------------------

def test_matching_item_is_a_labelled_select_per_premise_with_every_choice():
    html = quiz.quiz_item(MATCHING, 1, 1, SOURCES, link, "final")
    parsed = Parsed(html)
    selects = parsed.all("select")
    assert [s["id"] for s in selects] == ["final-katz-levels-0", "final-katz-levels-1"]
    assert [label["for"] for label in parsed.all("label")] == ["final-katz-levels-0", "final-katz-levels-1"]
    options = [a["value"] for a in parsed.all("option")]
    assert options == ["", "0", "1", "2"] * 2
    assert MATCHING.choices() == ["Charisma", "Conceptual", "Technical"]
    correct = [(a["data-premise"], a["data-correct"]) for a in parsed.all("li") if "data-premise" in a]
    assert correct == [("0", "1"), ("1", "2")]
    assert "Not used: Charisma" in parsed.text


def test_multiple_item_uses_checkboxes_and_marks_every_right_option():
    parsed = Parsed(quiz.quiz_item(MULTIPLE, 1, 1, SOURCES, link))
    assert len(parsed.all("input", type="checkbox")) == 3
    assert [a["data-option"] for a in parsed.all("li") if "data-correct" in a] == ["0", "1"]
    assert "Choose all that apply" in parsed.text


def test_review_items_are_marked_and_answer_key_shows_objective_level_and_use():
    review = MULTIPLE.model_copy(update={"module": "leadership"})
    leadership = MODULE.model_copy(update={"id": "leadership", "title": "Leadership"})
    parsed = Parsed(quiz.quiz(MODULE, [MATCHING, review], SOURCES, link, {"leadership": leadership}))
    assert "Review from Leadership" in parsed.text and "The last 1 revisit earlier modules" in parsed.text
    key = Parsed(quiz.answer_key([MODULE], [MATCHING, MULTIPLE], SOURCES, link))
    assert "Chief executive → Conceptual" in key.text.replace("\n", "")
    assert "management-fayol" in key.text and "apply" in key.text and "end-of-page check, final" in key.text


def test_alignment_table_has_a_row_per_objective_with_its_items(course):
    parsed = Parsed(assessment.alignment_table(course.modules, course.quiz, link))
    rows = [a["data-objective"] for a in parsed.all("tr") if "data-objective" in a]
    assert rows == [o.id for o in course.objectives()]
    links = {a["href"] for a in parsed.all("a") if a.get("href", "").startswith("#key-")}
    assert links == {f"#key-{i.id}" for i in course.quiz}
    summary = assessment.level_summary(course.quiz, ("remember", "understand", "apply", "analyse", "evaluate"))
    assert f"{len(course.quiz)} items" in summary


def test_final_renders_the_first_draw_then_the_rest_folded(course):
    pool = course.final_pool()
    first = [course.item(i) for i in attempt(pool, 24, 1, [m.id for m in course.modules])]
    parsed = Parsed(assessment.final(pool, first, course.assessment, course.modules, course.objectives(),
                                     {s.id: s for s in course.comparison.sources}, link))
    container = parsed.all("div", **{"data-context": "final"})[0]
    assert container["data-pass-mark"] == "80" and container["data-pool"] == ",".join(i.id for i in pool)
    items = [a["data-item"] for a in parsed.all("fieldset")]
    assert items[:24] == [i.id for i in first] and sorted(items) == sorted(i.id for i in pool)
    assert parsed.all("details", **{"class": "assessment-extra"})
    assert assessment.pass_count(course.assessment) == 20


def test_progress_page_carries_each_module_row_and_a_hidden_answer_key(course):
    checks = {m.id: course.self_check(m.id) for m in course.modules}
    parsed = Parsed(assessment.progress(course.modules, checks, link))
    rows = [a for a in parsed.all("tr") if a.get("data-items")]
    assert [r["data-module"] for r in rows] == [m.id for m in course.modules]
    assert rows[0]["data-items"].split(",") == [i.id for i in checks[course.modules[0].id]]
    assert "self-reported" in parsed.text
    assert [a for a in parsed.all("div", **{"class": "progress-key"}) if "hidden" in a]


def test_worked_case_rubric_and_capstone_render(course):
    sources = {s.id: s for s in course.comparison.sources}
    case = course.worked_case("management")
    parsed = Parsed(practice.worked_case(case, sources, link))
    assert len(parsed.all("li")) == len(case.steps) and "fictional" in parsed.text
    levels = course.practice.rubric_levels
    rubric = Parsed(practice.reflection_rubric(course.reflection_rubric("management"),
                                               course.module_activities("management"), levels))
    assert [a.get("scope") for t, a in rubric.tags if t == "th"][:5] == ["col"] * 5
    capstone = course.practice.capstone
    table = Parsed(practice.capstone_rubric(capstone, levels))
    assert len([a for t, a in table.tags if t == "tr"]) == 5  # a header row and four criteria
    assert len([a for t, a in table.tags if t == "td"]) == 16
    checklist = Parsed(practice.capstone_checklist(capstone))
    assert len(checklist.all("input", type="checkbox")) == len(capstone.checklist) == len(checklist.all("label"))
    assert sum(len(p.split()) for p in capstone.brief) >= 600


# --- Broken data --------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, message", [
    ("    answers: [0, 1, 2]\n    source: kotter1999\n", "    answers: [0, 7]\n    source: kotter1999\n",
     "expected option numbers from 0 to 3"),
    ("    distractors:\n      - Charismatic skill\n", "    distractors:\n      - Human skill\n",
     "expected every response and distractor to be different"),
    ("    review_in: [leadership]\n", "    review_in: [management]\n", "unknown later module"),
])
def test_broken_item_kinds_name_the_line(tmp_path, old, new, message):
    import shutil
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("assets"))
    path = docs / "data" / "quiz.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_course(docs)
    assert message in str(raised.value)
    assert raised.value.line == broken[: broken.index(new)].count("\n") + 1 or \
        raised.value.line == broken[: broken.index(new)].count("\n") + 2
