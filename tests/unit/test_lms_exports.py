"""The question-bank exports (QTI for Common Cartridge and Canvas, Moodle XML, GIFT), built from the real
item bank without a site build, and checked against the official schemas or a third-party reader."""

import html
import io
import re
import zipfile

import pytest
from lxml import etree

from macros.model import MatchPair, QuizItem, QuizOption
from macros.outputs import bank, canvas, cartridge, gift, item_text, moodle, qti, zips
from tests.cartridge_check import cartridge_problems
from tests.lms_check import qti_errors

HOSTILE = 'Plans & <b>budgets</b> {x} ~ = # : \\ ]]> "quoted"'
QTI = {"q": qti.NS}


def hostile_items(feedback: str = HOSTILE) -> list[QuizItem]:
    """One item of every kind, every text full of characters that HTML, XML or GIFT read as syntax."""
    def options(count):
        return [QuizOption(text=f"{HOSTILE} {n}", explanation=f"Why {n}: {feedback}") for n in range(count)]
    common = {"module": "management", "objective": "management-classify-work", "level": "apply",
              "prompt": HOSTILE, "source": "kotter1990hbr"}
    return [
        QuizItem(id="hostile-mcq", kind="mcq", options=options(3), answer=2, **common),
        QuizItem(id="hostile-tf", kind="true_false", answer=1, options=[
            QuizOption(text="True", explanation=f"True is wrong: {feedback}"),
            QuizOption(text="False", explanation=f"False is right: {feedback}")], **common),
        QuizItem(id="hostile-multiple", kind="multiple", options=options(4), answers=[0, 2], **common),
        QuizItem(id="hostile-matching", kind="matching", distractors=["Neither"], pairs=[
            MatchPair(premise=f"Budgets {n}", response=response, explanation=f"Because {n} & <so>")
            for n, response in enumerate(["Management", "Leadership", "Both"])], **common),
    ]


@pytest.fixture(scope="module")
def quizzes(course):
    return bank.quizzes(course)


@pytest.fixture(scope="module")
def categories(course):
    return bank.categories(course)


# --- the shared text helper ----------------------------------------------------------------------


def test_text_becomes_html_once_and_each_format_wraps_it_its_own_way():
    assert item_text.as_html("a < b & c\nnext") == "a &lt; b &amp; c<br>next"
    assert item_text.gift("50% {x} ~ = # : \\") == "50% \\{x\\} \\~ \\= \\# \\: \\\\"
    cdata = etree.tostring(etree.Element("text"))  # a CDATA section must survive "]]>" in the data
    element = etree.Element("text")
    element.text = item_text.moodle_cdata("a ]]> b")
    assert b"<![CDATA[a ]]&gt; b]]>" in etree.tostring(element) and cdata


# --- QTI for Common Cartridge 1.1 ----------------------------------------------------------------


def test_every_quiz_and_the_object_bank_pass_the_qti_xsd_and_its_schematron(course, quizzes):
    assert [quiz.ident for quiz in quizzes] == [f"self-check-{m.id}" for m in course.modules] + ["final"]
    for quiz in quizzes:
        assert qti_errors(qti.assessment_xml(quiz)) == [], quiz.ident
    assert qti_errors(qti.object_bank_xml("question-bank", course.quiz)) == []


def test_hostile_text_is_valid_qti_and_reads_back_as_typed():
    items = hostile_items()
    xml = qti.assessment_xml(bank.Quiz("hostile", "Hostile", items))
    assert qti_errors(xml) == []
    root = etree.fromstring(xml)
    prompt = root.find(".//q:item[@ident='hostile-mcq']/q:presentation/q:material/q:mattext", QTI)
    assert prompt.get("texttype") == "text/html"
    assert html.unescape(prompt.text) == HOSTILE


def test_the_schematron_rules_are_really_applied():
    """A multiple-choice item with two options passes the XSD but breaks Schematron rule 4d."""
    root = etree.fromstring(qti.assessment_xml(bank.Quiz("q", "Q", hostile_items()[:1])))
    label = root.find(".//q:response_label", QTI)
    label.getparent().remove(label)
    assert any("4d" in error for error in qti_errors(etree.tostring(root)))


def test_the_object_bank_holds_every_item_cc_qti_can_express_with_feedback_on_every_option(course):
    root = etree.fromstring(qti.object_bank_xml("question-bank", course.quiz))
    idents = [item.get("ident") for item in root.iterfind(".//q:item", QTI)]
    assert idents == [item.id for item in course.quiz if item.kind != "matching"]
    for item in course.quiz:
        if item.kind == "matching":
            continue
        element = root.find(f".//q:item[@ident='{item.id}']", QTI)
        assert len(element.findall("q:itemfeedback", QTI)) == len(item.options)
        scored = [c for c in element.iterfind(".//q:respcondition", QTI) if c.find("q:setvar", QTI) is not None]
        right = scored[0].findall(".//q:varequal", QTI)
        if item.kind == "multiple":
            negated = {v.text for v in scored[0].iterfind(".//q:not/q:varequal", QTI)}
            assert {v.text for v in right} - negated == {qti.option_ident(item, i) for i in item.answers}
        else:
            assert [v.text for v in right] == [qti.option_ident(item, item.answer)]


def test_the_cc_1_1_cartridge_files_each_self_check_in_its_module_and_the_final_after_them(course, quizzes):
    modules = [cartridge.CartridgeModule(m.title, [cartridge.Link(m.title, f"https://example.org/{m.id}/")])
               for m in course.modules]
    data = cartridge.build_cartridge(
        "Leading & Managing", "An open course.", "CC BY 4.0", modules, cartridge.CC_1_1,
        qti.cartridge_assessments(quizzes, [m.id for m in course.modules]), qti.object_bank_xml("bank", course.quiz))
    assert cartridge_problems(data, "1.1") == []
    manifest = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml"))
    ns = {"cp": cartridge.CC_1_1.manifest_ns}
    top = manifest.findall("cp:organizations/cp:organization/cp:item/cp:item", ns)
    assert [item.findtext("cp:title", namespaces=ns) for item in top] == [m.title for m in course.modules] + [
        "Final assessment"]
    for module, item in zip(course.modules, top):
        assert item.findall("cp:item", ns)[-1].get("identifierref") == f"assessment-self-check-{module.id}"
    banks = manifest.findall(f"cp:resources/cp:resource[@type='{cartridge.QTI_QUESTION_BANK_TYPE}']", ns)
    assert len(banks) == 1


# --- Canvas QTI zip ------------------------------------------------------------------------------


def test_canvas_zip_has_one_quiz_per_self_check_and_the_final_with_canvas_question_types(course, quizzes):
    archive = zipfile.ZipFile(io.BytesIO(canvas.build_zip(quizzes)))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    ns = {"cp": canvas.CP}
    listed = {f.get("href") for f in manifest.iterfind(".//cp:file", ns)}
    assert listed | {"imsmanifest.xml"} == set(archive.namelist())
    assessments = [r.get("identifier") for r in manifest.iterfind(".//cp:resource[@type='imsqti_xmlv1p2']", ns)]
    assert assessments == [quiz.ident for quiz in quizzes]
    for quiz in quizzes:
        root = etree.fromstring(archive.read(f"{quiz.ident}/{quiz.ident}.xml"))
        items = root.findall(".//q:item", QTI)
        assert [item.get("ident") for item in items] == [item.id for item in quiz.items]
        types = [item.find(".//q:fieldentry", QTI).text for item in items]
        assert types == [canvas.QUESTION_TYPES[item.kind] for item in quiz.items]
        meta = etree.fromstring(archive.read(f"{quiz.ident}/assessment_meta.xml"))
        assert meta.findtext(f"{{{canvas.CANVAS}}}shuffle_answers") == "true"


def test_canvas_matching_offers_every_choice_to_every_premise_and_scores_each_pair():
    item = hostile_items()[3]
    root = etree.fromstring(canvas.assessment_xml(bank.Quiz("q", "Q", [item])))
    responses = root.findall(".//q:response_lid", QTI)
    assert [r.find("q:material/q:mattext", QTI).text for r in responses] == [p.premise for p in item.pairs]
    for response in responses:
        assert [label.findtext(".//q:mattext", namespaces=QTI) for label in response.iterfind(".//q:response_label", QTI)
                ] == item.choices()
    assert [s.text for s in root.iterfind(".//q:setvar[@action='Add']", QTI)] == ["33.33"] * 3


# --- Moodle XML ----------------------------------------------------------------------------------

# Moodle's importer accepts only these grades for an answer (question/format.php, the grade options list).
MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5, 0}


def test_moodle_xml_has_the_structure_moodles_importer_reads(course, categories):
    root = etree.fromstring(moodle.questions_xml("Leading & Managing", categories))
    assert root.tag == "quiz"
    questions = list(root)
    assert questions[0].get("type") == "category"
    seen = []
    for question in questions:
        kind = question.get("type")
        assert kind in {"category", "multichoice", "truefalse", "matching"}
        if kind == "category":
            path = question.findtext("category/text")
            assert path.startswith("$course$/top/Leading & Managing/")
            continue
        item_id = question.findtext("name/text")
        seen.append(item_id)
        assert question.findtext("idnumber") == item_id
        assert question.find("questiontext").get("format") == "html"
        assert question.findtext("questiontext/text").strip()
        if kind == "matching":
            assert question.findtext("shuffleanswers") == "true"
            assert len([s for s in question.findall("subquestion") if s.findtext("text")]) >= 2
            continue
        answers = question.findall("answer")
        assert all(a.findtext("feedback/text").strip() for a in answers), f"{item_id}: an option without feedback"
        fractions = [float(a.get("fraction")) for a in answers]
        assert all(abs(f) in MOODLE_GRADES or round(abs(f), 5) in MOODLE_GRADES for f in fractions), fractions
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
        if kind == "multichoice":
            assert question.findtext("shuffleanswers") == "true"
    assert sorted(seen) == sorted(item.id for item in course.quiz)


def test_moodle_categories_follow_modules_and_objectives_and_escape_slashes(course, categories):
    root = etree.fromstring(moodle.questions_xml("Leading & Managing", categories))
    paths = [q.findtext("category/text") for q in root.iterfind("question[@type='category']")]
    first = course.modules[0]
    assert paths[0] == f"$course$/top/Leading & Managing/{first.title}/{first.objectives[0].id}: " + \
        first.objectives[0].text.replace("/", "//")


def test_hostile_text_survives_moodle_xml_as_cdata():
    category = bank.Category("Management", "o", "An objective / with a slash", hostile_items())
    xml = moodle.questions_xml("Course", [category])
    root = etree.fromstring(xml)
    prompt = root.find("question[@type='multichoice']/questiontext/text")
    assert html.unescape(prompt.text) == HOSTILE
    assert b"<![CDATA[" in xml
    assert root.findtext("question[@type='category']/category/text").endswith("An objective // with a slash")


# --- GIFT, read back by a third-party parser -------------------------------------------------------

GIFT_ESCAPE = re.compile(r"\\([~=#{}:\\])")
DECIMAL_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


def unescape(text: str) -> str:
    """GIFT text back to plain text: undo GIFT's escapes, then the HTML."""
    return html.unescape(GIFT_ESCAPE.sub(r"\1", text or "").strip())


def read_back(question):
    """One parsed question as (name, prompt, [(text, right, feedback)]), working round pygiftparserrgmf's limits:
    it keeps the `[html]` marker, leaves feedback escaped, joins a true/false question's two feedbacks with '#',
    and reads only whole-number weights, leaving a weight such as %33.33333% (Moodle's own) in the option's text."""
    prompt = unescape(question.text.removeprefix("[html]"))
    kind = type(question.answer).__name__
    options = []
    if kind == "TrueFalse":
        option = question.answer.options[0]
        wrong, right = re.split(r"(?<!\\)#", option.feedback)
        options = [(option.text, True, unescape(right)), ("False" if option.text == "True" else "True", False,
                                                          unescape(wrong))]
    elif kind == "Matching":
        for option in question.answer.options:
            pair = question.answer.get_pair(option)
            options.append((unescape(pair["first"]), unescape(pair["second"]), None))
    else:
        for option in question.answer.options:
            weight = DECIMAL_WEIGHT.match(option.text)
            percentage = float(weight.group(1)) if weight else option.percentage
            text = option.text[weight.end():] if weight else option.text
            options.append((unescape(text), percentage > 0, unescape(option.feedback)))
    return unescape(question.name), prompt, kind, options


def expected(item: QuizItem):
    if item.kind == "true_false":
        right = item.options[item.answer]
        wrong = item.options[1 - item.answer]
        return (item.id, item.prompt, "TrueFalse",
                [(right.text, True, right.explanation), (wrong.text, False, wrong.explanation)])
    if item.kind == "matching":
        return item.id, item.prompt, "Matching", [(p.premise, p.response, None) for p in item.pairs]
    kind = "MultipleChoiceCheckbox" if item.kind == "multiple" else "MultipleChoiceRadio"
    right = item.correct_options()
    return item.id, item.prompt, kind, [(o.text, i in right, o.explanation) for i, o in enumerate(item.options)]


def parse_gift(text: str):
    parser = pytest.importorskip("pygiftparser.parser", reason="pygiftparserrgmf is in requirements.txt")
    return parser.parse(text).questions


def test_gift_reads_back_through_a_third_party_parser_as_the_same_questions(course, categories):
    parsed = parse_gift(gift.questions_gift("Leading & Managing", categories))
    in_order = [item for category in categories for item in category.items]
    assert [read_back(q) for q in parsed] == [expected(item) for item in in_order]
    assert [q.category.removeprefix("$CATEGORY: ") for q in parsed] == [
        moodle.category_path("Leading & Managing", category) for category in categories for _ in category.items]


def test_hostile_gift_text_reads_back_as_typed():
    """Prompts and options hold every special character. The parser's lexer ends a feedback at the first
    '=', '~' or '}' even when escaped (Moodle's own importer does not), so the feedback here holds the rest."""
    items = [item for item in hostile_items(feedback='50% & <b>bold</b> # : \\ "quoted"') if item.kind != "matching"]
    category = bank.Category("Management", "o", "Objective", items)
    parsed = parse_gift(gift.questions_gift("Course", [category]))
    assert [read_back(q) for q in parsed] == [expected(item) for item in items]


def test_gift_matching_keeps_the_explanations_as_general_feedback():
    text = gift.question(hostile_items()[3])
    assert "####Budgets 0\\: Because 0 &amp; &lt;so&gt;" in text


# --- reproducible zips ---------------------------------------------------------------------------


def test_zips_are_byte_identical_sorted_and_dated_from_source_date_epoch():
    files = {"b.txt": b"b", "a/c.txt": "c"}
    first = zips.build(files, 1_700_000_000)
    assert first == zips.build(dict(reversed(files.items())), 1_700_000_000)
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == ["a/c.txt", "b.txt"]
    assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert zipfile.ZipFile(io.BytesIO(zips.build(files))).infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
