"""QTI 1.2 for the Common Cartridge 1.1 profile: one assessment per quiz, and an object bank of every item.

The CC profile of QTI 1.2.1 (validated against its XSD and the Schematron rules inside it) knows
single-choice, true/false and multiple-response items, so mcq, classify, true_false and multiple
items export; matching items have no CC QTI type and are left out here (Canvas QTI, Moodle XML and
GIFT carry them). Each item keeps its bank id as its `ident`; each option is `<item id>-<n>`.
Every option has its own feedback (the explanation the course shows for that choice).
"""

from lxml import etree

from macros.model import QuizItem
from macros.outputs import item_text
from macros.outputs.bank import Quiz
from macros.outputs.cartridge import Assessment

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
RESPONSE = "response1"


def _el(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", **attributes)
    element.text = text
    return element


def _metadata(parent, fields: dict[str, str]) -> None:
    metadata = _el(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _el(metadata, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _html_material(parent, text: str) -> None:
    _el(_el(parent, "material"), "mattext", item_text.qti_mattext(text), texttype="text/html")


def option_ident(item: QuizItem, index: int) -> str:
    return f"{item.id}-{index + 1}"


def profile(item: QuizItem) -> str | None:
    """The CC item type, or None for a kind the profile cannot hold (matching)."""
    if item.kind == "multiple":
        return "cc.multiple_response.v0p1"
    if item.kind == "matching":
        return None
    # The profile's multiple choice needs three or more options; two options are a true/false pair.
    return "cc.true_false.v0p1" if len(item.options) == 2 else "cc.multiple_choice.v0p1"


def exportable(items: list[QuizItem]) -> list[QuizItem]:
    return [item for item in items if profile(item)]


def _right_answer_condition(parent, item: QuizItem) -> None:
    conditions = _el(parent, "conditionvar")
    if item.kind != "multiple":
        _el(conditions, "varequal", option_ident(item, item.answer), respident=RESPONSE)
        return
    every = _el(conditions, "and")
    right = set(item.correct_options())
    for index in range(len(item.options)):
        target = every if index in right else _el(every, "not")
        _el(target, "varequal", option_ident(item, index), respident=RESPONSE)


def item_element(parent, item: QuizItem):
    """One <item>: prompt, options, scoring (100 for the right answer) and feedback on every option."""
    element = _el(parent, "item", ident=item.id, title=item.id)
    _metadata(_el(element, "itemmetadata"), {"cc_profile": profile(item)})
    presentation = _el(element, "presentation")
    _html_material(presentation, item.prompt)
    cardinality = "Multiple" if item.kind == "multiple" else "Single"
    choices = _el(_el(presentation, "response_lid", ident=RESPONSE, rcardinality=cardinality), "render_choice")
    for index, option in enumerate(item.options):
        _html_material(_el(choices, "response_label", ident=option_ident(item, index)), option.text)
    processing = _el(element, "resprocessing")
    _el(_el(processing, "outcomes"), "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
    for index in range(len(item.options)):
        condition = _el(processing, "respcondition")
        condition.set("continue", "Yes")
        _el(_el(condition, "conditionvar"), "varequal", option_ident(item, index), respident=RESPONSE)
        _el(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{option_ident(item, index)}-feedback")
    scored = _el(processing, "respcondition")
    scored.set("continue", "No")
    _right_answer_condition(scored, item)
    _el(scored, "setvar", "100", varname="SCORE", action="Set")
    for index, option in enumerate(item.options):
        feedback = _el(element, "itemfeedback", ident=f"{option_ident(item, index)}-feedback")
        _html_material(_el(feedback, "flow_mat"), option.explanation)
    return element


def _root():
    root = etree.Element(f"{{{NS}}}questestinterop", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    return root


def _bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def assessment_xml(quiz: Quiz) -> bytes:
    """A CC assessment: one section holding the quiz's items, unlimited attempts, scored in percent."""
    root = _root()
    assessment = _el(root, "assessment", ident=quiz.ident, title=quiz.title)
    _metadata(assessment, {"cc_profile": "cc.exam.v0p1", "qmd_assessmenttype": "Examination",
                           "qmd_scoretype": "Percentage", "qmd_feedbackpermitted": "Yes",
                           "qmd_solutionspermitted": "Yes", "cc_maxattempts": "unlimited"})
    section = _el(assessment, "section", ident=f"{quiz.ident}-section")
    for item in exportable(quiz.items):
        item_element(section, item)
    return _bytes(root)


def object_bank_xml(ident: str, items: list[QuizItem]) -> bytes:
    """The CC question bank: every exportable item of the bank, for instructors to build their own quizzes."""
    root = _root()
    bank = _el(root, "objectbank", ident=ident)
    for item in exportable(items):
        item_element(bank, item)
    return _bytes(root)


def cartridge_assessments(quizzes: list[Quiz], module_ids: list[str]) -> tuple[Assessment, ...]:
    """The quizzes as cartridge assessments: a module's self-check inside that module, the final after them."""
    found = []
    for quiz in quizzes:
        module = quiz.ident.removeprefix("self-check-")
        index = module_ids.index(module) if module in module_ids else None
        found.append(Assessment(quiz.ident, quiz.title, assessment_xml(quiz), index))
    return tuple(found)
