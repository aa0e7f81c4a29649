"""The render functions of the learning features (quiz, activities, guide, cards, handout, glossary links),
each on a small model built in code, without building the site."""

import re
from html.parser import HTMLParser

import markdown

from macros.model import (ActivityFormat, LessonPlan, LessonStep, Misconception, ModuleActivities, Prompt,
                          QuizItem, QuizOption, Scenario, Term)
from macros.render import activities, cards, glossary, handout, quiz
from tests.unit.sample import AGENDA, ESSAY, FOCUS, KOTTER_GROUP, MODULE, SOURCES, TERM, link

HOSTILE = '<script>alert(1)</script> {{ 7*7 }} **bold** "quoted"'

ITEM = QuizItem(
    id="kotter-processes", module="management", objective="management-fayol", level="remember", kind="mcq",
    prompt="Which are Kotter's management processes?",
    options=[QuizOption(text="Planning and budgeting", explanation="These keep the system running."),
             QuizOption(text="Establishing direction", explanation="That is a leadership process."),
             QuizOption(text="Model the way", explanation="That is Kouzes and Posner.")],
    answer=0, source="kotter1990hbr")
TRUE_FALSE = QuizItem(
    id="kotter-not-better", module="management", objective="management-fayol", level="understand",
    kind="true_false", prompt="Leadership should replace management.",
    options=[QuizOption(text="True", explanation="Kotter says it is not necessarily better."),
             QuizOption(text="False", explanation="Organisations need both.")],
    answer=1, source="bennis1989")
ENTRY = ModuleActivities(
    module="management",
    scenarios=[Scenario(id="call-centre", title="The call centre", situation="Targets met, staff leaving.",
                        tasks=["List three things to keep.", "List three things to change."],
                        model_answer="Scheduling is management; coaching is leadership.",
                        dimensions=["focus"], sources=["kotter1990hbr"])],
    reflection=[Prompt(text="Which comes naturally to you?", sources=["bennis1989"])],
    discussion=[Prompt(text="Is the textbook list still useful?")])
FORMAT = ActivityFormat(id="card-sort", title="Card sort", minutes=20, modules=["management"],
                        steps=["Print the cards.", "Sort them."], sources=["bennis1989"])
PLAN = LessonPlan(id="session-50", title="A short session", minutes=15,
                  steps=[LessonStep(minutes=5, activity="Open."), LessonStep(minutes=10, activity="Sort.",
                                                                            format="card-sort")])


class Parsed(HTMLParser):
    """The tags (with attributes) and the visible text of rendered HTML."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.text = [], ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    def all(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_quiz_question_is_a_fieldset_with_legend_options_and_a_folded_answer():
    html = quiz.quiz(MODULE, [ITEM, TRUE_FALSE], SOURCES, link)
    parsed = Parsed(html)
    fieldsets = parsed.all("fieldset")
    assert [f["data-item"] for f in fieldsets] == ["kotter-processes", "kotter-not-better"]
    assert len(parsed.all("legend")) == 2
    assert "Question 1 of 2" in parsed.text and "Which are Kotter's management processes?" in parsed.text
    radios = parsed.all("input", type="radio", name="quiz-kotter-processes")
    assert [r["value"] for r in radios] == ["0", "1", "2"]
    assert len(parsed.all("details", **{"class": "quiz-answer"})) == 2
    correct = [a for t, a in parsed.tags if t == "li" and "data-correct" in a]
    assert [c["data-option"] for c in correct] == ["0", "1"]
    for option in ITEM.options + TRUE_FALSE.options:
        assert option.explanation in parsed.text


def test_quiz_controls_start_hidden_and_feedback_is_a_live_region():
    parsed = Parsed(quiz.quiz(MODULE, [ITEM], SOURCES, link))
    assert all("hidden" in a for a in parsed.all("div", **{"class": "quiz-actions"}))
    assert parsed.all("p", **{"class": "quiz-feedback", "aria-live": "polite"})
    assert parsed.all("button", type="button", **{"class": "md-button quiz-clear"})
    assert parsed.all("a", **{"class": "citation", "href": "../references/#kotter1990hbr"})


def test_quiz_escapes_every_data_value():
    hostile = ITEM.model_copy(update={"prompt": HOSTILE, "options": [
        QuizOption(text=HOSTILE, explanation=HOSTILE), QuizOption(text="b", explanation="c")]})
    html = quiz.quiz(MODULE, [hostile], SOURCES, link)
    assert "<script" not in html and "{{" not in html and "**" not in html
    assert HOSTILE in Parsed(html).text


def test_answer_key_lists_each_item_with_its_answer_under_its_module():
    html = quiz.answer_key([MODULE], [ITEM, TRUE_FALSE], SOURCES, link)
    assert html.startswith("### Management")
    parsed = Parsed(html)
    assert [r["id"] for r in parsed.all("tr") if "id" in r] == ["key-kotter-processes", "key-kotter-not-better"]
    assert "Planning and budgeting" in parsed.text and "False" in parsed.text
    assert parsed.all("a", href="../management/#check-your-understanding")


def test_activities_fold_model_answers_and_cite_their_sources():
    parsed = Parsed(activities.activities(ENTRY, {"focus": FOCUS}, SOURCES, link))
    assert parsed.all("div", id="case-call-centre")
    assert len(parsed.all("details", **{"class": "activity-model-answer"})) == 1
    assert "Scheduling is management" in parsed.text
    assert parsed.all("a", href="#dimension-focus")
    assert "Reflection questions" in parsed.text and "Discussion prompts" in parsed.text
    assert "Is the textbook list still useful?" in parsed.text
    assert parsed.all("a", href="../references/#bennis1989")


def test_learning_outcomes_list_every_objective_under_its_module():
    parsed = Parsed(activities.learning_outcomes([MODULE], link))
    assert parsed.all("a", href="../management/")
    assert MODULE.objectives[0].text in parsed.text


def test_lesson_plan_shows_running_times_and_links_to_how_to_run_a_step():
    parsed = Parsed(activities.lesson_plan(PLAN, {"card-sort": FORMAT}))
    assert "0–5" in parsed.text and "5–15" in parsed.text and "15 minutes in all" in parsed.text
    assert parsed.all("a", href="#format-card-sort")


def test_activity_formats_and_misconceptions_carry_their_sources():
    parsed = Parsed(activities.activity_formats([FORMAT], {"management": MODULE}, SOURCES, link))
    assert parsed.all("div", id="format-card-sort") and "About 20 minutes" in parsed.text
    wrong = Misconception(id="born", misconception="Leaders are born.", correction="A myth.", sources=["bennis1989"])
    parsed = Parsed(activities.misconceptions([wrong], SOURCES, link))
    assert parsed.all("tr", id="misconception-born") and parsed.all("a", href="../references/#bennis1989")


def test_sort_cards_give_each_side_of_each_dimension_one_numbered_card_and_a_key():
    parsed = Parsed(cards.sort_cards([FOCUS, AGENDA]))
    sides = {(c["data-dimension"], c["data-side"]) for c in parsed.all("li")}
    assert sides == {("focus", "management"), ("focus", "leadership"),
                     ("setting-the-agenda", "management"), ("setting-the-agenda", "leadership")}
    assert FOCUS.leadership in parsed.text and "Leadership" not in parsed.text.replace(FOCUS.leadership, "")
    key = Parsed(cards.sort_key([FOCUS, AGENDA], ["Management", "Leadership", "Both"]))
    numbers = re.findall(r"(\d)(Management|Leadership)", key.text)
    assert sorted(n for n, _ in numbers) == ["1", "2", "3", "4"]
    assert cards.sort_cards([FOCUS, AGENDA]) == cards.sort_cards([AGENDA, FOCUS]), "order must not depend on input"


def test_handout_holds_every_dimension_group_by_group():
    parsed = Parsed(handout.handout([ESSAY, KOTTER_GROUP], [FOCUS, AGENDA], SOURCES, "https://example.org/"))
    assert [r["data-dimension"] for r in parsed.all("tr") if "data-dimension" in r] == ["focus", "setting-the-agenda"]
    assert ESSAY.title in parsed.text and AGENDA.management in parsed.text
    assert "Kotter 1990a" in parsed.text and "https://example.org/" in parsed.text


def test_abbreviation_lines_cover_both_spellings_and_never_inject_markup():
    hostile = Term(id="x", term="Status quo", definition=HOSTILE.replace("{{", "[") + " ]: *[", source="bennis1989")
    text = "The status quo holds. Status quo again.\n" + glossary.abbreviations([hostile, TERM])
    html = markdown.markdown(text, extensions=["abbr"])
    assert "<script" not in html and "<strong>" not in html
    assert html.count('<abbr title="') == 2
    assert "*[POLC]" in glossary.abbreviations([TERM.model_copy(update={"term": "POLC"})])
    assert "*[pOLC]" not in glossary.abbreviations([TERM.model_copy(update={"term": "POLC"})])


def test_link_terms_links_the_first_use_only_and_never_inside_a_link_or_heading():
    vision = '<abbr title="old">{}</abbr>'
    html = (f"<h1>{vision.format('Vision')}</h1><p><a href='x'>{vision.format('vision')}</a></p>"
            f"<p>{vision.format('vision')} and {vision.format('Vision')}</p>")
    result = glossary.link_terms(html, [TERM], link)
    parsed = Parsed(result)
    links = parsed.all("a", **{"class": "glossary-term"})
    assert len(links) == 1
    assert links[0]["href"] == "../glossary/#vision" and links[0]["title"] == TERM.definition
    assert result.startswith("<h1>Vision</h1>")
    assert result.count("<abbr") == 2


def test_link_terms_escapes_the_definition():
    hostile = TERM.model_copy(update={"definition": HOSTILE})
    parsed = Parsed(glossary.link_terms('<p><abbr title="x">Vision</abbr></p>', [hostile], link))
    assert parsed.all("a")[0]["title"] == HOSTILE
    assert not parsed.all("script")

