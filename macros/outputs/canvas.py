"""A QTI 1.2 zip for Canvas's "QTI .zip file" import: one quiz per module self-check, and the final.

Canvas reads plain QTI 1.2 plus its own `question_type` metadata, and a `assessment_meta.xml` per
quiz for the quiz settings. The layout and field names follow text2qti (BSD-3-Clause), the
maintained tool that writes this format for Canvas; we do not call it as a library because it
takes its own Markdown text format as input (our plain text would be re-read as Markdown), has no
matching questions, and writes one quiz per zip (ARCHITECTURE.md, "LMS packages").

Item ids are the bank's ids, options `<item id>-<n>`, so results match across every export.
"""

from lxml import etree

from macros.model import QuizItem
from macros.outputs import item_text, zips
from macros.outputs.bank import Quiz

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QUESTION_TYPES = {"mcq": "multiple_choice_question", "classify": "multiple_choice_question",
                  "true_false": "true_false_question", "multiple": "multiple_answers_question",
                  "matching": "matching_question"}


def _el(parent, tag, text=None, ns=QTI, **attributes):
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", **attributes)
    element.text = text
    return element


def _html(parent, text: str) -> None:
    _el(_el(parent, "material"), "mattext", item_text.qti_mattext(text), texttype="text/html")


def _respcondition(processing, respident: str, value: str, continue_: str):
    condition = _el(processing, "respcondition")
    condition.set("continue", continue_)
    _el(_el(condition, "conditionvar"), "varequal", value, respident=respident)
    return condition


def _feedback(element, ident: str, text: str) -> None:
    _html(_el(_el(element, "itemfeedback", ident=ident), "flow_mat"), text)


def _choice_item(element, item: QuizItem) -> None:
    idents = [f"{item.id}-{n + 1}" for n in range(len(item.options))]
    presentation = _el(element, "presentation")
    _html(presentation, item.prompt)
    cardinality = "Multiple" if item.kind == "multiple" else "Single"
    choices = _el(_el(presentation, "response_lid", ident="response1", rcardinality=cardinality), "render_choice")
    for ident, option in zip(idents, item.options):
        _html(_el(choices, "response_label", ident=ident), option.text)
    processing = _el(element, "resprocessing")
    _el(_el(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    for ident in idents:
        _el(_respcondition(processing, "response1", ident, "Yes"), "displayfeedback",
            feedbacktype="Response", linkrefid=f"{ident}_fb")
    right = set(item.correct_options())
    if item.kind == "multiple":
        scored = _el(processing, "respcondition")
        scored.set("continue", "No")
        every = _el(_el(scored, "conditionvar"), "and")
        for index, ident in enumerate(idents):
            _el(every if index in right else _el(every, "not"), "varequal", ident, respident="response1")
    else:
        scored = _respcondition(processing, "response1", idents[item.answer], "No")
    _el(scored, "setvar", "100", action="Set", varname="SCORE")
    for ident, option in zip(idents, item.options):
        _feedback(element, f"{ident}_fb", option.explanation)


def _matching_item(element, item: QuizItem) -> None:
    # The choices in the order the course shows them (QuizItem.choices), so choice n is the same everywhere.
    choice_ids = {text: f"{item.id}-c{number}" for number, text in enumerate(item.choices(), start=1)}
    presentation = _el(element, "presentation")
    _html(presentation, item.prompt)
    for number, pair in enumerate(item.pairs, start=1):
        response = _el(presentation, "response_lid", ident=f"response_{item.id}-p{number}")
        _el(_el(response, "material"), "mattext", pair.premise, texttype="text/plain")
        render = _el(response, "render_choice")
        for text, ident in choice_ids.items():
            _el(_el(_el(render, "response_label", ident=ident), "material"), "mattext", text, texttype="text/plain")
    processing = _el(element, "resprocessing")
    _el(_el(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    share = f"{100 / len(item.pairs):.2f}"
    for number, pair in enumerate(item.pairs, start=1):
        condition = _respcondition(processing, f"response_{item.id}-p{number}", choice_ids[pair.response], "Yes")
        _el(condition, "setvar", share, varname="SCORE", action="Add")
    _feedback(element, "general_fb", " ".join(f"{pair.premise}: {pair.explanation}" for pair in item.pairs))
    general = _el(processing, "respcondition")
    general.set("continue", "Yes")
    _el(_el(general, "conditionvar"), "other")
    _el(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")


def item_element(section, item: QuizItem) -> None:
    element = _el(section, "item", ident=item.id, title=item.id)
    metadata = _el(_el(element, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", QUESTION_TYPES[item.kind]), ("points_possible", "1.0")):
        field = _el(metadata, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)
    (_matching_item if item.kind == "matching" else _choice_item)(element, item)


def assessment_xml(quiz: Quiz) -> bytes:
    root = etree.Element(f"{{{QTI}}}questestinterop", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    assessment = _el(root, "assessment", ident=quiz.ident, title=quiz.title)
    field = _el(_el(assessment, "qtimetadata"), "qtimetadatafield")
    _el(field, "fieldlabel", "cc_maxattempts")
    _el(field, "fieldentry", "unlimited")
    section = _el(assessment, "section", ident="root_section")
    for item in quiz.items:
        item_element(section, item)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def assessment_meta_xml(quiz: Quiz, credit: str = "") -> bytes:
    """Canvas's quiz settings: answers shuffled, a practice quiz, unlimited attempts, correct answers shown.
    The description (shown to learners above the quiz) carries the credit."""
    quiz_el = etree.Element(f"{{{CANVAS}}}quiz", identifier=quiz.ident, nsmap={None: CANVAS})
    settings = {"title": quiz.title, "description": item_text.as_html(credit), "shuffle_answers": "true",
                "scoring_policy": "keep_highest",
                "quiz_type": "practice_quiz", "points_possible": f"{len(quiz.items):.1f}",
                "show_correct_answers": "true", "allowed_attempts": "-1", "available": "false"}
    for tag, text in settings.items():
        _el(quiz_el, tag, text, ns=CANVAS)
    return etree.tostring(quiz_el, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_xml(quizzes: list[Quiz]) -> bytes:
    manifest = etree.Element(f"{{{CP}}}manifest", identifier="leading-and-managing-canvas-qti", nsmap={None: CP})
    metadata = _el(manifest, "metadata", ns=CP)
    _el(metadata, "schema", "IMS Content", ns=CP)
    _el(metadata, "schemaversion", "1.1.3", ns=CP)
    _el(manifest, "organizations", ns=CP)
    resources = _el(manifest, "resources", ns=CP)
    for quiz in quizzes:
        resource = _el(resources, "resource", ns=CP, identifier=quiz.ident, type="imsqti_xmlv1p2")
        _el(resource, "file", ns=CP, href=f"{quiz.ident}/{quiz.ident}.xml")
        _el(resource, "dependency", ns=CP, identifierref=f"{quiz.ident}-meta")
        meta = _el(resources, "resource", ns=CP, identifier=f"{quiz.ident}-meta",
                   type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                   href=f"{quiz.ident}/assessment_meta.xml")
        _el(meta, "file", ns=CP, href=f"{quiz.ident}/assessment_meta.xml")
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build_zip(quizzes: list[Quiz], epoch: int | None = None, credit: str = "") -> bytes:
    files = {"imsmanifest.xml": manifest_xml(quizzes)}
    for quiz in quizzes:
        files[f"{quiz.ident}/{quiz.ident}.xml"] = assessment_xml(quiz)
        files[f"{quiz.ident}/assessment_meta.xml"] = assessment_meta_xml(quiz, credit)
    return zips.build(files, epoch)
