"""Moodle XML: the whole item bank as a question bank, filed in categories by module and objective.

The structure follows Moodle's documented XML import format ("Moodle XML format" in the Moodle
docs): a `category` question before each group, then `multichoice` (single or several right
answers), `truefalse` and `matching` questions. Every option carries its feedback; answers are
shuffled. Each question's `idnumber` is the bank id, so results match across every export.
"""

from lxml import etree

from macros.model import QuizItem
from macros.outputs import item_text
from macros.outputs.bank import Category

COURSE_CATEGORY = "$course$/top"


def category_path(course_title: str, category: Category) -> str:
    """Moodle separates categories with '/', so a '/' inside a name is written twice."""
    parts = [course_title, *category.path]
    return "/".join([COURSE_CATEGORY, *(part.replace("/", "//") for part in parts)])


def _text(parent, tag: str, text: str, html: bool = True):
    element = etree.SubElement(parent, tag)
    if html:
        element.set("format", "html")
    etree.SubElement(element, "text").text = item_text.moodle_cdata(text) if html else text
    return element


def _fraction(value: float) -> str:
    """Moodle accepts only its list of grades (100, 50, 33.33333, 25, ...): 100/n written with 5 decimals."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _answer(question, fraction: float, text: str, feedback: str, html: bool = True) -> None:
    answer = etree.SubElement(question, "answer", fraction=_fraction(fraction))
    if html:
        answer.set("format", "html")
    etree.SubElement(answer, "text").text = item_text.moodle_cdata(text) if html else text
    _text(answer, "feedback", feedback)


def _question(quiz, kind: str, item: QuizItem):
    question = etree.SubElement(quiz, "question", type=kind)
    _text(question, "name", item.id, html=False)
    _text(question, "questiontext", item.prompt)
    _text(question, "generalfeedback", "")
    etree.SubElement(question, "defaultgrade").text = "1"
    etree.SubElement(question, "penalty").text = "0"
    etree.SubElement(question, "hidden").text = "0"
    etree.SubElement(question, "idnumber").text = item.id
    return question


def question_element(quiz, item: QuizItem) -> None:
    if item.kind == "true_false":
        question = _question(quiz, "truefalse", item)
        for index, option in enumerate(item.options):
            # Moodle's true/false answers are the words "true" and "false"; the options are True, then False.
            _answer(question, 100 if index == item.answer else 0, ("true", "false")[index], option.explanation,
                    html=False)
    elif item.kind == "matching":
        question = _question(quiz, "matching", item)
        question.find("generalfeedback/text").text = item_text.moodle_cdata(
            "\n".join(f"{pair.premise}: {pair.explanation}" for pair in item.pairs))
        etree.SubElement(question, "shuffleanswers").text = "true"
        for pair in item.pairs:
            sub = _text(question, "subquestion", pair.premise)
            etree.SubElement(etree.SubElement(sub, "answer"), "text").text = pair.response
        for distractor in item.distractors:
            sub = _text(question, "subquestion", "")
            etree.SubElement(etree.SubElement(sub, "answer"), "text").text = distractor
    else:
        question = _question(quiz, "multichoice", item)
        right = item.correct_options()
        etree.SubElement(question, "single").text = "false" if item.kind == "multiple" else "true"
        etree.SubElement(question, "shuffleanswers").text = "true"
        etree.SubElement(question, "answernumbering").text = "abc"
        wrong_count = len(item.options) - len(right)
        for index, option in enumerate(item.options):
            if index in right:
                fraction = 100 / len(right)
            else:
                fraction = -100 / wrong_count if item.kind == "multiple" else 0
            _answer(question, fraction, option.text, option.explanation)


def questions_xml(course_title: str, categories: list[Category], credit: str = "") -> bytes:
    quiz = etree.Element("quiz")
    if credit:
        quiz.append(etree.Comment(f" {credit.replace('--', '- -')} "))
    for category in categories:
        marker = etree.SubElement(quiz, "question", type="category")
        _text(marker, "category", category_path(course_title, category), html=False)
        _text(marker, "info", category.objective_text)
        for item in category.items:
            question_element(quiz, item)
    return etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
