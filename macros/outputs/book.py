"""The whole course as one book: the all-in-one page, and the source of the PDF and the EPUB.

The chapters are the rendered HTML of the pages in reading order (home, the four modules, the
glossary, the references), as MkDocs wrote them before the theme wrapped them. Each chapter is
turned into a part of one document:

- headings move one level down (the book's title is the only <h1>);
- every id gets the chapter's prefix ("management--key-points"), so ids stay unique;
- links between the book's pages become links inside the book; links to our other pages
  (the instructors' area, downloads) become full web addresses;
- what only works on the web goes: permalink marks, buttons, the "Generated from docs/data/..."
  notes for contributors, the download links;
- each self-check becomes plain numbered questions; their answers, with every explanation and
  the source, are gathered in a last chapter.

Pure: HTML and the course model in, an lxml tree out. No files, no MkDocs objects.
"""

import html
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from ..model import QuizItem, Source
from ..render import references
from ..render.quiz import KIND_LABELS

# `make build` sets BOOK_FILES=true: only then are the PDFs and the EPUB printed (macros/book_hooks.py).
BOOK_FILES_ENV = "BOOK_FILES"
PDF_FILES = {"downloads/leading-and-managing-a4.pdf": "A4", "downloads/leading-and-managing-letter.pdf": "Letter"}
EPUB_FILE = "downloads/leading-and-managing.epub"
DOWNLOAD_LABELS = {
    "downloads/leading-and-managing-a4.pdf": "PDF, A4 paper",
    "downloads/leading-and-managing-letter.pdf": "PDF, US Letter paper",
    EPUB_FILE: "EPUB 3, for e-readers",
}
ANSWERS_SLUG = "answers"
ANSWERS_TITLE = "Answers to the self-checks"
CONTENTS_ID = "contents"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Web-only parts of a page: "web-only" marks a part of a page's Markdown that the book leaves out. The
# edit notes are for contributors (macros/render/edit.py).
WEB_ONLY = ("web-only", "headerlink", "data-note", "book-downloads", "quiz-progress", "quiz-actions", "quiz-feedback",
            "embed-control")
# Attributes that name other elements by id, so they are prefixed with the ids.
ID_REFERENCES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")


@dataclass(frozen=True)
class PageSource:
    """One page of the book as MkDocs rendered it."""

    src_uri: str  # e.g. "management/index.md"
    url: str  # relative to the site root, e.g. "management/"
    html: str  # the page's content (its article, without the theme)
    title: str | None = None  # replaces the page's own <h1> text, e.g. "Introduction" for the home page


@dataclass
class Chapter:
    slug: str  # the chapter's id, and the EPUB file's name
    title: str
    body: etree._Element  # a <section class="book-chapter">
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, title) of its <h3>s

    @property
    def ids(self) -> set[str]:
        return {element.get("id") for element in self.body.iter() if element.get("id")}


@dataclass
class Book:
    title: str
    chapters: list[Chapter]


def chapter_slug(src_uri: str) -> str:
    """'management/index.md' -> 'management'; 'index.md' -> 'introduction'; 'glossary.md' -> 'glossary'."""
    stem = src_uri.removesuffix(".md").removesuffix("index").strip("/")
    return stem.replace("/", "-") or "introduction"


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _drop(element: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _strip_web_only(root: etree._Element) -> None:
    for element in list(root.iter(etree.Element)):
        if element.tag in ("button", "script") or _classes(element) & set(WEB_ONLY):
            if element.getparent() is not None:
                _drop(element)


def _demote_headings(root: etree._Element) -> None:
    for element in root.iter("h1", "h2", "h3", "h4", "h5"):
        element.tag = f"h{int(element.tag[1]) + 1}"


_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _prefix_ids(root: etree._Element, slug: str) -> None:
    """Ids, and what points at them: ARIA and label references, and a figure's url(#...) and <use href>."""
    for element in root.iter(etree.Element):
        if element.get("id"):
            element.set("id", f"{slug}--{element.get('id')}")
        for name in ID_REFERENCES:
            if element.get(name):
                element.set(name, " ".join(f"{slug}--{value}" for value in element.get(name).split()))
        for name, value in element.attrib.items():
            if "url(#" in value:
                element.set(name, _URL_REFERENCE.sub(lambda m: f"url(#{slug}--{m[1]})", value))
            elif name in ("href", "xlink:href") and element.tag != "a" and value.startswith("#"):
                element.set(name, f"#{slug}--{value[1:]}")


def _site_path(page_url: str, href: str) -> tuple[str, str]:
    """(path from the site root, fragment) of a link on the page at page_url."""
    absolute = urlsplit(urljoin("/" + page_url, href))
    return absolute.path.lstrip("/"), absolute.fragment


def _rewrite_links(root: etree._Element, page_url: str, chapter_of_url: dict[str, str], site_url: str) -> None:
    """Links to a page of the book lead inside the book; links to our other pages, to the website."""
    for element in root.iter("a"):
        href = element.get("href")
        if not href or urlsplit(href).scheme:
            continue
        if href.startswith("#"):
            path, fragment = page_url, href[1:]
        else:
            path, fragment = _site_path(page_url, href)
        target = chapter_of_url.get(path)
        if target is not None:
            element.set("href", f"#{target}--{fragment}" if fragment else f"#{target}")
        else:
            element.set("href", urljoin(site_url, path) + (f"#{fragment}" if fragment else ""))


def book_linker(to_src: str, anchor: str | None = None) -> str:
    """A Linker (render.links) for HTML made for the book: every page of the book is a chapter of it."""
    return f"#{chapter_slug(to_src)}--{anchor}" if anchor else f"#{chapter_slug(to_src)}"


def question_id(slug: str, item: QuizItem) -> str:
    """An item may be asked in two chapters (a later check repeats it for review), so the chapter is in its id."""
    return f"{slug}--question-{item.id}"


def answer_id(slug: str, item: QuizItem) -> str:
    return f"{ANSWERS_SLUG}--{slug}-{item.id}"


def _question(item: QuizItem, number: int, slug: str) -> str:
    """A self-check question on paper: the prompt, lettered options (or premises and choices), a link to the answer."""
    if item.kind == "matching":
        premises = "".join(f"<li>{html.escape(pair.premise)}</li>" for pair in item.pairs)
        letters = "".join(f"<li>{html.escape(choice)}</li>" for choice in item.choices())
        body = (f'<p>Match each numbered item with one lettered choice.</p><ol class="book-premises">{premises}</ol>'
                f'<ol class="book-options" type="A">{letters}</ol>')
    else:
        options = "".join(f"<li>{html.escape(option.text)}</li>" for option in item.options)
        body = f'<ol class="book-options" type="A">{options}</ol>'
    kind = KIND_LABELS.get(item.kind)
    label = f" ({html.escape(kind)})" if kind else ""
    return (f'<div class="book-question" id="{question_id(slug, item)}"><p class="book-prompt">'
            f"<strong>Question {number}.</strong>{label} {html.escape(item.prompt)}</p>{body}"
            f'<p class="book-to-answer"><a href="#{answer_id(slug, item)}">Answer to question {number}</a></p></div>')


def _answer(item: QuizItem, number: int, slug: str, source: Source) -> str:
    """The answer to one question: the right choice(s), why every choice is right or wrong, and the source."""
    if item.kind == "matching":
        choices = item.choices()
        right = "; ".join(f"{n}: {LETTERS[choices.index(pair.response)]}" for n, pair in enumerate(item.pairs, 1))
        reasons = "".join(f"<li><strong>{n}. {html.escape(pair.premise)}</strong>: {html.escape(pair.response)}. "
                          f"{html.escape(pair.explanation)}</li>" for n, pair in enumerate(item.pairs, 1))
    else:
        correct = item.correct_options()
        right = ", ".join(f"{LETTERS[i]} ({html.escape(item.options[i].text)})" for i in correct)
        reasons = "".join(
            f"<li><strong>{LETTERS[i]}</strong> ({'correct' if i in correct else 'incorrect'}): "
            f"{html.escape(option.explanation)}</li>" for i, option in enumerate(item.options))
    return (f'<div class="book-answer" id="{answer_id(slug, item)}"><p><a href="#{question_id(slug, item)}">'
            f"<strong>Question {number}</strong></a>: {html.escape(item.prompt)}</p>"
            f"<p>Answer: <strong>{right}</strong></p><ul>{reasons}</ul>"
            f"<p>Source: {references.cite([source], book_linker)}</p></div>")


def _fragment(markup: str) -> etree._Element:
    return lxml.html.fragment_fromstring(markup, create_parent="div")


QUIZ_CONTAINERS = ('//*[contains(concat(" ", @class, " "), " quiz ")]'
                   ' | //*[@data-item][not(ancestor::*[contains(concat(" ", @class, " "), " quiz ")])]')


def _replace_quizzes(root, items: dict[str, QuizItem], slug: str) -> list[tuple[QuizItem, int]]:
    """Each self-check (or pause-and-check) becomes plain questions, numbered through the chapter.

    Returns (item, number) in order.
    """
    asked: list[tuple[QuizItem, int]] = []
    for container in root.xpath(QUIZ_CONTAINERS):
        questions = [container] if container.get("data-item") else container.xpath(".//*[@data-item]")
        markup = "<p><strong>Pause and check</strong></p>" if "quiz-inline" in _classes(container) else ""
        for question in questions:
            item = items[question.get("data-item")]
            asked.append((item, len(asked) + 1))
            markup += _question(item, len(asked), slug)
        replacement = _fragment(f'<div class="book-quiz">{markup}</div>')[0]
        replacement.tail = container.tail
        container.getparent().replace(container, replacement)
    return asked


def _section(slug: str, root: etree._Element, heading: etree._Element | None) -> etree._Element:
    section = etree.Element("section", {"class": "book-chapter", "id": slug})
    if heading is not None and heading.get("id"):
        section.set("aria-labelledby", heading.get("id"))
    section.text, section[:] = root.text, list(root)
    return section


def book_files_wanted(config) -> bool:
    """Only `make build` prints the files, and never inside the offline copy's own build."""
    offline = config.plugins.get("material/offline")
    return os.environ.get(BOOK_FILES_ENV) == "true" and not (offline and offline.config.enabled)


def build_book(title: str, pages: list[PageSource], quiz: list[QuizItem], sources: dict[str, Source],
               site_url: str) -> Book:
    """The book's chapters, in the order of pages, and the answers chapter last."""
    chapter_of_url = {page.url: chapter_slug(page.src_uri) for page in pages}
    items = {item.id: item for item in quiz}
    chapters, answered = [], []
    for page in pages:
        slug = chapter_of_url[page.url]
        root = _fragment(page.html)
        _strip_web_only(root)
        _rewrite_links(root, page.url, chapter_of_url, site_url)
        _demote_headings(root)
        _prefix_ids(root, slug)
        asked = _replace_quizzes(root, items, slug)
        heading = next(root.iter("h2"), None)
        if page.title and heading is not None:
            heading.text, heading[:] = page.title, []
        chapter_title = text_of(heading) if heading is not None else page.title or slug
        chapters.append(Chapter(slug, chapter_title, _section(slug, root, heading)))
        if asked:
            answered.append((chapter_title, slug, asked))
    if answered:
        chapters.append(_answers_chapter(answered, sources))
    for chapter in chapters:
        chapter.sections = [(h.get("id"), text_of(h)) for h in chapter.body.iter("h3") if h.get("id")]
    return Book(title, chapters)


def _answers_chapter(answered, sources: dict[str, Source]) -> Chapter:
    heading_id = f"{ANSWERS_SLUG}--title"
    parts = [f'<h2 id="{heading_id}">{ANSWERS_TITLE}</h2>'
             "<p>The answers to every self-check, with why each choice is right or wrong and where the idea comes"
             " from. Try the questions first: each one links here, and each answer links back.</p>"]
    for title, slug, asked in answered:
        answers = "".join(_answer(item, number, slug, sources[item.source]) for item, number in asked)
        parts.append(f'<h3 id="{ANSWERS_SLUG}--{slug}">{html.escape(title)}</h3>{answers}')
    root = _fragment("".join(parts))
    return Chapter(ANSWERS_SLUG, ANSWERS_TITLE, _section(ANSWERS_SLUG, root, root[0]))


def contents(book: Book) -> str:
    """The table of contents: chapters and their sections, each with an empty slot for its page number."""
    def entry(anchor: str, title: str) -> str:
        return (f'<a href="#{html.escape(anchor)}"><span class="book-toc-title">{html.escape(title)}</span>'
                f'<span class="book-toc-page" data-target="{html.escape(anchor)}"></span></a>')

    chapters = "".join(
        f"<li>{entry(chapter.slug, chapter.title)}"
        + ("<ol>" + "".join(f"<li>{entry(a, t)}</li>" for a, t in chapter.sections) + "</ol>" if chapter.sections
           else "") + "</li>" for chapter in book.chapters)
    return (f'<nav class="book-contents" aria-labelledby="{CONTENTS_ID}"><h2 id="{CONTENTS_ID}">Contents</h2>'
            f"<ol>{chapters}</ol></nav>")


def cover(subtitle: str, version: str, date_text: str, licence_name: str, licence_url: str, author: str) -> str:
    return (f'<div class="book-cover"><p class="book-subtitle">{html.escape(subtitle)}</p>'
            f'<p class="book-author">{html.escape(author)}</p>'
            f'<p class="book-version">Version {html.escape(version)}, {html.escape(date_text)}</p>'
            f'<p class="book-licence">Licence: <a href="{html.escape(licence_url)}">{html.escape(licence_name)}</a>.'
            " You may copy, adapt and share it, with credit.</p></div>")


def download_links(href, built: bool) -> str:
    """Links to the PDFs and the EPUB. href(path from the site root) -> the link's address.

    When this build makes the files (built), each link has an empty slot that the build fills with the
    file's size once the file exists (macros/book_hooks.py); otherwise the links lead to the website's copies.
    """
    def item(path: str, label: str) -> str:
        size = f' (<span class="book-size" data-book-file="{html.escape(path)}"></span>)' if built else ""
        return f'<li><a href="{html.escape(href(path))}">{html.escape(label)}</a>{size}</li>'

    return '<ul class="book-downloads">' + "".join(item(p, label) for p, label in DOWNLOAD_LABELS.items()) + "</ul>"


def human_size(size: int) -> str:
    """A file's size as the download links show it: 65 KB, 1.4 MB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def chapters_html(book: Book) -> str:
    return "".join(lxml.html.tostring(chapter.body, encoding="unicode") for chapter in book.chapters)


def toc_tokens(book: Book) -> list[dict]:
    """The book's headings as the toc extension's tokens, for MkDocs' page.toc (Material's sidebar)."""
    def token(level, anchor, name, children=()):
        return {"level": level, "id": anchor, "name": html.escape(name), "html": html.escape(name),
                "data-toc-label": "", "children": list(children)}

    chapters = [token(2, chapter.slug, chapter.title, [token(3, a, t) for a, t in chapter.sections])
                for chapter in book.chapters]
    return [token(2, CONTENTS_ID, "Contents"), *chapters]
