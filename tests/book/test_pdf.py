"""The PDF of the whole course, as `make build` prints it (tests/book/conftest.py builds it once)."""

import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from macros.outputs import book, pdf
from tests.project import EPOCH
from tests.site.test_published import essay_runs, pdf_page_texts, shingles, texts_of

# Points: A4 is 210 x 297 mm, US Letter 8.5 x 11 in.
SIZES = {"A4": (595, 842), "Letter": (612, 792)}
FILES = {paper: name for name, paper in book.PDF_FILES.items()}
MAX_BYTES = 5_000_000


@pytest.fixture(scope="module", params=sorted(FILES))
def printed(request, made_site):
    path = made_site / FILES[request.param]
    return request.param, path, PdfReader(path)


def flat(text: str) -> str:
    """Text as a reader sees it: lines joined."""
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Text with no spaces or hyphens, so that a line broken at a hyphen still matches."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


@pytest.fixture(scope="module")
def page_texts(printed) -> list[str]:
    """Each page's text, read once per paper."""
    return pdf_page_texts(printed[1].read_bytes())


@pytest.fixture(scope="module")
def text(page_texts) -> str:
    return flat("\n".join(page_texts))


@pytest.fixture(scope="module")
def squashed_text(text) -> str:
    return squashed(text)


def test_it_opens_on_the_right_paper_and_is_under_5_mb(printed):
    paper, path, reader = printed
    assert len(reader.pages) > 20
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - SIZES[paper][0]) < 1.5 and abs(height - SIZES[paper][1]) < 1.5
    assert path.stat().st_size < MAX_BYTES


def test_it_is_tagged(printed):
    root = printed[2].trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/StructTreeRoot"].get("/K"), "the structure tree is empty"
    assert root["/Lang"] == "en"


def test_one_top_level_bookmark_per_module_plus_glossary_and_references_each_with_its_sections(printed, course):
    tree = pdf.bookmarks(printed[1].read_bytes())
    top = [item.title for item in tree]
    for module in course.modules:
        matches = [item for item in tree if item.title.startswith(module.title)]
        assert len(matches) == 1, (module.title, top)
        assert len(matches[0].children) >= 3, f"{module.title}: its sections are not bookmarked"
    assert top.count("Glossary") == 1 and top.count("References") == 1
    assert top.index("Glossary") > max(i for i, t in enumerate(top) if t.startswith(course.modules[-1].title))


def test_its_text_has_every_module_title_and_every_dimension_name(squashed_text, course):
    names = [m.title for m in course.modules] + [d.name for d in course.comparison.dimensions]
    assert [name for name in names if squashed(name) not in squashed_text] == []


def test_the_contents_give_the_page_each_heading_is_on(printed, page_texts):
    """Each contents line ends with a page number; that page is where the heading's destination is."""
    reader = printed[2]
    destinations = {name.lstrip("/"): reader.get_destination_page_number(d) + 1
                    for name, d in reader.named_destinations.items()}
    contents = " ".join(page_texts[1:4])
    chapters = [(title, destinations[book.chapter_slug(src)]) for src, title in
                (("glossary.md", "Glossary"), ("references.md", "References"))]
    chapters.append((book.ANSWERS_TITLE, destinations[book.ANSWERS_SLUG]))
    for title, page in chapters:
        assert re.search(rf"{re.escape(title)} {page}\b", contents), (title, page)
        assert title in page_texts[page - 1]


def test_every_page_has_a_footer_with_its_number(page_texts):
    total = len(page_texts)
    for number, page in enumerate(page_texts, start=1):
        assert f"Page {number} of {total}" in page, number


def test_cover_dates_and_metadata_come_from_source_date_epoch(printed, page_texts):
    reader = printed[2]
    date = datetime.fromtimestamp(EPOCH, UTC)
    cover = flat(page_texts[0])
    assert "Leading & Managing" in cover and "CC BY 4.0" in cover
    assert f"Version {date:%Y.%m.%d}, 14 November 2023" in cover
    assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == pdf.pdf_date(date)
    assert reader.metadata.title == "Leading & Managing"
    assert reader.trailer["/ID"][0] == reader.trailer["/ID"][1]


def test_web_addresses_are_written_out_and_web_only_parts_left_out(text):
    assert "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)" in text
    assert "Generated from docs/data" not in text
    assert "Check answer" not in text and "Clear my progress" not in text


def test_self_checks_are_questions_with_their_answers_at_the_end(squashed_text, course):
    title = squashed(book.ANSWERS_TITLE)  # in the contents, then as the last chapter's heading
    answers = squashed_text[squashed_text.index(title, squashed_text.index(title) + 1):]
    for module in course.modules:
        for item in course.self_check(module.id):
            assert squashed(item.prompt) in squashed_text, item.id
            explanations = [o.explanation for o in item.options] + [p.explanation for p in item.pairs]
            assert all(squashed(e) in answers for e in explanations), item.id


def id_tree_keys(node, keys: list[str]) -> list[str]:
    node = node.get_object()
    names = node.get("/Names", [])
    keys += [str(names[index]) for index in range(0, len(names), 2)]
    for kid in node.get("/Kids", []):
        id_tree_keys(kid, keys)
    return keys


def test_table_cells_name_their_header_cells_in_the_structure_tree(printed):
    """The header ids the build renumbers (for reproducible bytes) still lead to the header cells."""
    reader = printed[2]
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    keys = id_tree_keys(tree["/IDTree"], [])
    assert keys and keys == sorted(keys)
    headers = set()
    for page in re.findall(rb"/Headers \[([^\]]*)\]", printed[1].read_bytes()):
        headers |= {name.decode() for name in re.findall(rb"\((node\d+)\)", page)}
    assert headers and headers <= set(keys)


def test_the_own_words_check_reads_the_pdf_and_finds_no_sentence_of_the_essay(made_site, course):
    """The check over every published file (tests/workflow/test_build.py, both papers) reads a PDF's words, not
    its bytes; one paper shows it."""
    path = made_site / FILES["A4"]
    [(_, words)] = texts_of(path.name, path.read_bytes())
    assert all(module.title in flat(words) for module in course.modules)
    assert shingles(words) & essay_runs() == set()
