"""The EPUB 3: the book's chapters as XHTML files, written by ebooklib.

ebooklib writes the package document, the navigation document and the container. Two things we
do ourselves, and why:
- The chapters are serialised to XHTML here. ebooklib re-parses a chapter's body with lxml's HTML
  parser, which puts inline <svg> in the XHTML namespace, lower-cases its names (viewBox becomes
  viewbox) and keeps xlink:href as a plain name: figures would break. Each <svg> is rebuilt in SVG's
  namespace, with the HTML standard's table of SVG names to put the case back (SVG_NAMES).
- ebooklib stamps every zip entry with the current time; the entries are copied into a new zip
  with the date from SOURCE_DATE_EPOCH, so one commit gives the same bytes.
EPUBCheck 5 (tests/book/test_epub.py) checks the result: no errors and no warnings.
"""

import copy
import html
import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime

from ebooklib import epub
from lxml import etree

from .book import Book, Chapter

XHTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
STYLE_FILE = "style/book.css"
_SVG_ELEMENTS = """altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath feBlend
feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight
feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology
feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence foreignObject glyphRef linearGradient
radialGradient textPath"""
_SVG_ATTRIBUTES = """attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits diffuseConstant
edgeMode filterUnits glyphRef gradientTransform gradientUnits kernelMatrix kernelUnitLength keyPoints keySplines
keyTimes lengthAdjust limitingConeAngle markerHeight markerUnits markerWidth maskContentUnits maskUnits numOctaves
pathLength patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ preserveAlpha
preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur requiredExtensions requiredFeatures
specularConstant specularExponent spreadMethod startOffset stdDeviation stitchTiles surfaceScale systemLanguage
tableValues targetX targetY textLength viewBox viewTarget xChannelSelector yChannelSelector zoomAndPan"""
# The HTML standard's "adjust SVG" tables: lower-case name -> SVG's own.
SVG_NAMES = {name.lower(): name for name in (_SVG_ELEMENTS + " " + _SVG_ATTRIBUTES).split()}

STYLESHEET = """\
body { font-family: serif; line-height: 1.45; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; line-height: 1.2; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #777; padding: 0.3em 0.4em; vertical-align: top; text-align: left; }
caption { font-weight: bold; text-align: left; margin-bottom: 0.3em; }
svg { max-width: 100%; height: auto; }
.book-question, .book-answer { margin: 1em 0; }
.book-options { list-style-type: upper-alpha; }
.book-title { font-size: 2em; }
"""


class EpubError(Exception):
    """The EPUB could not be written; the message says which chapter and why, in one line."""


@dataclass(frozen=True)
class EpubInfo:
    title: str
    subtitle: str
    author: str
    language: str
    identifier: str  # a urn:uuid: made from the site's address, the same for every edition
    licence_name: str
    licence_url: str
    version: str
    date: datetime  # from SOURCE_DATE_EPOCH, in UTC
    summary: str  # the accessibility summary


def identifier_for(site_url: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url)}"


def _as_svg(element: etree._Element, parent: etree._Element | None = None) -> etree._Element:
    """The same SVG subtree, rebuilt in SVG's namespace with its names' case restored.

    The HTML parser keeps namespace declarations and prefixed names (xmlns:xlink, xlink:href) as
    plain attribute names, which XML does not allow: they become real namespaces here.
    """
    tag = f"{{{SVG_NS}}}{SVG_NAMES.get(element.tag, element.tag)}"
    rebuilt = (etree.Element(tag, nsmap={None: SVG_NS, "xlink": XLINK_NS}) if parent is None
               else etree.SubElement(parent, tag))
    for name, value in element.attrib.items():
        if name == "xmlns" or name.startswith("xmlns:"):
            continue
        prefix, _, local = name.rpartition(":")
        namespace = {"xlink": XLINK_NS, "xml": XML_NS}.get(prefix)
        rebuilt.set(f"{{{namespace}}}{local}" if namespace else SVG_NAMES.get(name, name), value)
    rebuilt.text, rebuilt.tail = element.text, element.tail
    for child in element:
        if isinstance(child.tag, str):
            _as_svg(child, rebuilt)
    return rebuilt


def _fix_svg(root: etree._Element) -> bool:
    """Put every inline <svg> in SVG's namespace (see _as_svg); True if there was any."""
    figures = list(root.iter("svg"))
    for svg in figures:
        svg.getparent().replace(svg, _as_svg(svg))
    return bool(figures)


def _link_across_files(root: etree._Element, file_of_id: dict[str, str], own_file: str) -> None:
    """An in-book link '#id' points into the chapter file that holds the id."""
    for element in root.iter("a"):
        href = element.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            target = file_of_id.get(href[1:])
            if target and target != own_file:
                element.set("href", target + href)


def xhtml_document(title: str, language: str, body: str) -> bytes:
    """A complete XHTML content document; parsing it checks that it is well-formed XML."""
    document = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="http://www.idpf.org/2007/ops" lang="{language}" xml:lang="{language}">'
        f'<head><meta charset="utf-8"/><title>{html.escape(title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="{STYLE_FILE}"/></head>'
        f"<body>{body}</body></html>"
    )
    try:
        etree.fromstring(document.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        raise EpubError(f"'{title}' is not well-formed XHTML: {error}") from None
    return document.encode("utf-8")


def chapter_xhtml(chapter: Chapter, file_of_id: dict[str, str], language: str) -> tuple[bytes, bool]:
    """(XHTML document, whether it holds SVG) for one chapter."""
    body = copy.deepcopy(chapter.body)
    has_svg = _fix_svg(body)
    _link_across_files(body, file_of_id, f"{chapter.slug}.xhtml")
    markup = etree.tostring(body, method="xml", encoding="unicode")
    return xhtml_document(chapter.title, language, markup), has_svg


class _Document(epub.EpubHtml):
    """A content document we serialised ourselves (see the module's docstring); ebooklib writes it as it is."""

    def get_content(self, default=None):
        return self.content


def _title_page(info: EpubInfo) -> bytes:
    body = (f'<section class="book-cover" epub:type="titlepage"><h1 class="book-title">{html.escape(info.title)}</h1>'
            f"<p>{html.escape(info.subtitle)}</p><p>{html.escape(info.author)}</p>"
            f"<p>Version {html.escape(info.version)}, {info.date:%d %B %Y}</p>"
            f'<p>Licence: <a href="{html.escape(info.licence_url)}">{html.escape(info.licence_name)}</a>.'
            " You may copy, adapt and share it, with credit.</p></section>")
    return xhtml_document(info.title, info.language, body)


def _metadata(book: epub.EpubBook, info: EpubInfo, has_svg: bool) -> None:
    book.set_identifier(info.identifier)
    book.set_title(info.title)
    book.set_language(info.language)
    book.add_author(info.author)
    book.add_metadata("DC", "description", info.subtitle)
    book.add_metadata("DC", "publisher", info.author)
    book.add_metadata("DC", "date", info.date.strftime("%Y-%m-%d"))
    book.add_metadata("DC", "rights", f"{info.licence_name}: {info.licence_url}")

    def meta(prop: str, value: str) -> None:
        book.add_metadata(None, "meta", value, {"property": prop})

    meta("dcterms:license", info.licence_url)
    # EPUB Accessibility 1.1: how the book can be read, and what it offers.
    meta("schema:accessMode", "textual")
    if has_svg:
        meta("schema:accessMode", "visual")
    meta("schema:accessModeSufficient", "textual")
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    for feature in features + (["alternativeText"] if has_svg else []):
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", info.summary)
    meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA")
    meta("a11y:certifiedBy", info.author)


def build_epub(bookdata: Book, info: EpubInfo) -> bytes:
    book = epub.EpubBook()
    style = epub.EpubItem(uid="style", file_name=STYLE_FILE, media_type="text/css", content=STYLESHEET.encode())
    book.add_item(style)
    file_of_id = {anchor: f"{chapter.slug}.xhtml" for chapter in bookdata.chapters for anchor in chapter.ids}
    title_page = _Document(uid="title-page", file_name="title.xhtml", title=info.title, lang=info.language)
    title_page.content = _title_page(info)
    book.add_item(title_page)
    documents, toc, any_svg = [], [], False
    for chapter in bookdata.chapters:
        content, has_svg = chapter_xhtml(chapter, file_of_id, info.language)
        any_svg = any_svg or has_svg
        document = _Document(uid=chapter.slug, file_name=f"{chapter.slug}.xhtml", title=chapter.title,
                             lang=info.language)
        document.content = content
        if has_svg:
            document.properties.append("svg")
        book.add_item(document)
        documents.append(document)
        sections = [epub.Link(f"{chapter.slug}.xhtml#{anchor}", title, anchor) for anchor, title in chapter.sections]
        link = epub.Link(f"{chapter.slug}.xhtml", chapter.title, f"toc-{chapter.slug}")
        toc.append((epub.Section(chapter.title, f"{chapter.slug}.xhtml"), sections) if sections else link)
    _metadata(book, info, any_svg)
    book.toc = toc
    nav = epub.EpubNav(title="Contents")
    book.add_item(nav)
    # ebooklib always names an NCX in the spine (EPUB 2's table of contents, which older readers use).
    book.add_item(epub.EpubNcx())
    book.spine = [title_page, nav, *documents]
    raw = io.BytesIO()
    epub.write_epub(raw, book, {"mtime": info.date, "epub3_pages": False, "raise_exceptions": True})
    return with_fixed_dates(raw.getvalue(), info.date)


def with_fixed_dates(archive: bytes, date: datetime) -> bytes:
    """The same zip, every entry dated `date` (ebooklib dates them with the clock); mimetype stays first."""
    stamp = max(date.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(result, "w") as target:
        for entry in source.infolist():
            copy_entry = zipfile.ZipInfo(entry.filename, date_time=stamp)
            copy_entry.compress_type = entry.compress_type
            target.writestr(copy_entry, source.read(entry.filename))
    return result.getvalue()
