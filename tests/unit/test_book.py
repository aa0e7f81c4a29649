"""The book (all-in-one page, PDF, EPUB) builders, without a build: small pages in, checked trees out."""

import io
import zipfile
from datetime import UTC, datetime

import lxml.html
import pytest
from lxml import etree

from macros.model import MatchPair, QuizItem, QuizOption
from macros.outputs import book, epub, pdf
from tests.unit.sample import SOURCES

SITE = "https://example.org/course/"
HOME = ('<h1 id="leading-managing">Leading &amp; Managing</h1>'
        '<p>Read <a href="management/#fayol">Fayol</a>, the <a href="instructors/">instructors\' page</a>'
        ' and <a href="https://example.net/x">elsewhere</a>.</p>'
        '<div class="web-only"><h2 id="offline">Offline</h2><ul class="book-downloads"><li>PDF</li></ul></div>')
MANAGEMENT = (
    '<h1 id="management">Management</h1>'
    '<h2 id="fayol">Fayol<a class="headerlink" href="#fayol">&para;</a></h2>'
    '<p>Back to <a href="#fayol">Fayol</a>, cited <a class="citation" href="../references/#kotter1990hbr">'
    '(Kotter, 1990a)</a>.</p><p class="data-note">Generated from docs/data/quiz.yml</p>'
    '<h2 id="check-your-understanding">Check your understanding</h2>'
    '<div class="quiz" data-module="management"><p class="quiz-intro">3 questions</p>'
    '<fieldset class="quiz-item" data-item="one"><legend>One?</legend><input type="radio" name="a">'
    '<button type="button">Check answer</button></fieldset>'
    '<fieldset class="quiz-item" data-item="many"><legend>Many?</legend></fieldset>'
    '<fieldset class="quiz-item" data-item="pairs"><legend>Pairs?</legend></fieldset></div>')
LEADERSHIP = ('<h1 id="leadership">Leadership</h1><p>Text.</p>'
              '<div class="quiz quiz-inline"><fieldset class="quiz-item" data-item="one"></fieldset></div>')
REFERENCES = '<h1 id="references">References</h1><!-- a comment --><ol><li id="kotter1990hbr">Kotter, J. P. (1990).</li></ol>'


def options(*texts):
    return [QuizOption(text=text, explanation=f"Why {text}.") for text in texts]


ITEMS = [
    QuizItem(id="one", module="management", objective="management-x", level="remember", kind="mcq",
             prompt="Which one?", options=options("Alpha", "Beta", "Gamma"), answer=1, source="kotter1990hbr"),
    QuizItem(id="many", module="management", objective="management-x", level="understand", kind="multiple",
             prompt="Which ones?", options=options("Red", "Green", "Blue"), answers=[0, 2], source="kotter1990hbr"),
    QuizItem(id="pairs", module="management", objective="management-x", level="apply", kind="matching",
             prompt="Match them.", source="kotter1990hbr", distractors=["Zebra"],
             pairs=[MatchPair(premise="Plans", response="Management", explanation="Planning is managing."),
                    MatchPair(premise="Vision", response="Leadership", explanation="Vision is leading.")]),
]
PAGES = [
    book.PageSource("index.md", "", HOME, "Introduction"),
    book.PageSource("management/index.md", "management/", MANAGEMENT),
    book.PageSource("leadership/index.md", "leadership/", LEADERSHIP),
    book.PageSource("references.md", "references/", REFERENCES),
]


@pytest.fixture(scope="module")
def the_book() -> book.Book:
    return book.build_book("Course", PAGES, ITEMS, SOURCES, SITE)


def whole(the_book) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(book.contents(the_book) + book.chapters_html(the_book), create_parent="div")


def chapter(the_book, slug):
    return next(c for c in the_book.chapters if c.slug == slug)


def test_chapters_come_in_reading_order_with_the_answers_last(the_book):
    assert [c.slug for c in the_book.chapters] == ["introduction", "management", "leadership", "references", "answers"]
    assert [c.title for c in the_book.chapters] == ["Introduction", "Management", "Leadership", "References",
                                                    book.ANSWERS_TITLE]
    assert chapter(the_book, "management").sections == [("management--fayol", "Fayol"),
                                                        ("management--check-your-understanding",
                                                         "Check your understanding")]


def test_the_book_title_is_the_only_h1_and_ids_are_unique(the_book):
    root = whole(the_book)
    assert root.xpath("//h1") == []
    assert [h.text_content() for h in root.xpath("//section/h2")] == [c.title for c in the_book.chapters]
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))


def test_links_between_book_pages_stay_inside_the_book_and_others_go_to_the_website(the_book):
    root = whole(the_book)
    hrefs = [a.get("href") for a in root.iter("a")]
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    assert [h for h in hrefs if h.startswith("#") and h[1:] not in ids] == []
    assert "#management--fayol" in hrefs  # from the home page, and from its own page
    assert "#references--kotter1990hbr" in hrefs
    assert SITE + "instructors/" in hrefs
    assert "https://example.net/x" in hrefs
    assert not [h for h in hrefs if not h.startswith(("#", "http"))]


def test_web_only_parts_are_left_out(the_book):
    markup = book.chapters_html(the_book)
    for gone in ("headerlink", "data-note", "Generated from", "web-only", "book-downloads", "<button", "<input",
                 "quiz-intro"):
        assert gone not in markup


def test_questions_stay_in_their_chapter_and_answers_gather_at_the_end(the_book):
    management = lxml.html.tostring(chapter(the_book, "management").body, encoding="unicode")
    assert management.count('class="book-question"') == 3
    assert "<strong>Question 1.</strong> (Multiple choice) Which one?" in management
    assert "<li>Alpha</li><li>Beta</li><li>Gamma</li>" in management
    assert "<strong>Question 2.</strong> (Choose all that apply) Which ones?" in management
    # Matching: premises numbered, choices (responses and distractors) lettered in a fixed order.
    assert '<ol class="book-options" type="A"><li>Leadership</li><li>Management</li><li>Zebra</li></ol>' in management
    answers = lxml.html.tostring(chapter(the_book, "answers").body, encoding="unicode")
    assert "Answer: <strong>B (Beta)</strong>" in answers
    assert "Answer: <strong>A (Red), C (Blue)</strong>" in answers
    assert "Answer: <strong>1: B; 2: A</strong>" in answers
    assert "Why Gamma." in answers and "Planning is managing." in answers
    # Two wrong options of "one" (asked twice: management and leadership), one of "many".
    assert answers.count("(incorrect)") == 2 * 2 + 1


def test_an_item_asked_in_two_chapters_gets_two_questions_and_two_answers(the_book):
    leadership = lxml.html.tostring(chapter(the_book, "leadership").body, encoding="unicode")
    assert "Pause and check" in leadership
    assert 'id="leadership--question-one"' in leadership
    answers = chapter(the_book, "answers")
    assert {"answers--management-one", "answers--leadership-one"} <= answers.ids


def test_contents_list_every_chapter_and_section_with_a_slot_for_its_page(the_book):
    root = lxml.html.fragment_fromstring(book.contents(the_book))
    targets = [slot.get("data-target") for slot in root.xpath("//span[@class='book-toc-page']")]
    expected = [c.slug for c in the_book.chapters] + [a for c in the_book.chapters for a, _ in c.sections]
    assert sorted(targets) == sorted(expected)
    assert [a.get("href") for a in root.iter("a")] == ["#" + target for target in targets]


def test_download_links_have_size_slots_only_when_the_files_are_built():
    built = book.download_links(lambda path: "../" + path, built=True)
    assert built.count('class="book-size"') == 3 and 'href="../downloads/leading-and-managing.epub"' in built
    published = book.download_links(lambda path: SITE + path, built=False)
    assert "book-size" not in published and f'href="{SITE}downloads/leading-and-managing-a4.pdf"' in published


# As drawsvg writes them (issue 9's figures): namespace declarations, defs with ids, xlink:href.
SVG = ('<figure><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">A line</title>'
       '<defs><linearGradient id="g" gradientUnits="userSpaceOnUse"/><circle id="dot" r="1"/></defs>'
       '<path d="M0 0L10 10" stroke="url(#g)"/><use xlink:href="#dot"/></svg>'
       '<figcaption>A line.</figcaption></figure>')


def svg_book() -> book.Book:
    pages = [book.PageSource("figures.md", "figures/", f'<h1 id="figures">Figures</h1>{SVG}')]
    return book.build_book("Course", pages, [], SOURCES, SITE)


def test_inline_svg_gets_its_namespace_and_its_names_case_back_in_xhtml():
    content, has_svg = epub.chapter_xhtml(svg_book().chapters[0], {}, "en")
    assert has_svg
    root = etree.fromstring(content)
    svg = root.find(".//{http://www.w3.org/2000/svg}svg")
    assert svg is not None and svg.get("viewBox") == "0 0 10 10"
    gradient = svg.find(".//{http://www.w3.org/2000/svg}linearGradient")
    assert gradient is not None and gradient.get("gradientUnits") == "userSpaceOnUse"
    # Ids are prefixed with the chapter, and so is what points at them inside the figure.
    assert gradient.get("id") == "figures--g"
    assert svg.find("{http://www.w3.org/2000/svg}path").get("stroke") == "url(#figures--g)"
    assert svg.get("aria-labelledby") == "figures--t"
    assert svg.find("{http://www.w3.org/2000/svg}use").get("{http://www.w3.org/1999/xlink}href") == "#figures--dot"
    assert root.find(".//{http://www.w3.org/1999/xhtml}figcaption") is not None


def epub_info(date=datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)) -> epub.EpubInfo:
    return epub.EpubInfo(title="Course", subtitle="A course.", author="Us", language="en",
                         identifier=epub.identifier_for(SITE), licence_name="CC BY 4.0",
                         licence_url="https://creativecommons.org/licenses/by/4.0/", version="2023.11.14", date=date,
                         summary="All text.")


def test_the_epub_is_dated_by_its_info_and_the_same_twice(the_book):
    first, second = epub.build_epub(the_book, epub_info()), epub.build_epub(the_book, epub_info())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        entries = archive.infolist()
        assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
        assert {entry.date_time for entry in entries} == {(2023, 11, 14, 22, 13, 20)}
        opf = archive.read("EPUB/content.opf").decode()
        assert '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' in opf
        assert "CC BY 4.0" in opf and 'property="schema:accessibilitySummary"' in opf
        # Links across chapters name the chapter's file.
        assert 'href="references.xhtml#references--kotter1990hbr"' in archive.read("EPUB/management.xhtml").decode()
    later = epub.build_epub(the_book, epub_info(datetime(2024, 1, 2, tzinfo=UTC)))
    assert later != first


def test_only_a_book_with_figures_says_it_has_svg_and_visual_content():
    with zipfile.ZipFile(io.BytesIO(epub.build_epub(svg_book(), epub_info()))) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert 'properties="svg"' in opf and ">visual<" in opf and ">alternativeText<" in opf


def test_the_chapters_become_the_top_level_bookmarks():
    chapters = (pdf.Bookmark("Management", 3, 0, 800), pdf.Bookmark("Glossary", 9, 0, 800))
    assert pdf.chapters_on_top([pdf.Bookmark("Course", 0, 0, 800, chapters)]) == list(chapters)
    assert pdf.chapters_on_top(list(chapters)) == list(chapters)


def test_pdf_dates_and_footer():
    assert pdf.pdf_date(datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)) == "D:20231114221320+00'00'"
    assert "Leading &amp; Managing" in pdf.footer("Leading & Managing")
    assert 'class="pageNumber"' in pdf.footer("x") and 'class="totalPages"' in pdf.footer("x")


def test_a_chapter_that_is_not_well_formed_xhtml_is_named_in_one_line():
    with pytest.raises(epub.EpubError, match="'Broken' is not well-formed XHTML"):
        epub.xhtml_document("Broken", "en", "<p>one<p>two</b>")
