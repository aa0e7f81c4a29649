"""MkDocs hooks: the all-in-one page, and in `make build` the PDF and the EPUB made from it.

Every build fills the all-in-one page (all-in-one.md) with the course's pages, once they are all
rendered (on_env). `make build` (BOOK_FILES=true) then prints that page to PDF in A4 and US Letter
and writes the EPUB (on_post_build), and writes each file's size next to the links that the home
and instructors' pages have for it. `mkdocs serve` and the tests' quick builds skip the printing.
Each step calls a pure builder in macros/outputs/ (book, pdf, epub).
"""

import functools
import os
import re
import shutil
import sys
import threading
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import post_build  # noqa: E402
from macros.load import course_of_build  # noqa: E402
from macros.outputs import book, epub, pdf  # noqa: E402
from macros.outputs.embeds import LICENCE_NAME, LICENCE_URL  # noqa: E402
from macros.render.links import page_url  # noqa: E402

BOOK_PAGE = "all-in-one.md"
SIZE_SLOT = re.compile(r'<span class="book-size" data-book-file="([^"]+)"></span>')
ACCESSIBILITY_SUMMARY = (
    "The whole text of the course in reading order, with headings, a navigation document, tables with header "
    "cells, text alternatives for figures, and the answers to the self-checks in a chapter of their own. "
    "The same markup is checked against WCAG 2.2 AA with axe-core on the website.")

_book: dict = {}


def build_date() -> datetime:
    """SOURCE_DATE_EPOCH (the last commit's date in the Pages workflow), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC).replace(microsecond=0)


def version_of(date: datetime) -> str:
    return date.strftime("%Y.%m.%d")


def on_config(config):
    _book.clear()
    _book["course"] = course_of_build(config)
    return config


def reading_order(course) -> list[tuple[str, str | None]]:
    """(page, title to use instead of its own) in the order the book tells the course."""
    return [("index.md", "Introduction"), *((m.page, None) for m in course.modules), ("glossary.md", None),
            ("references.md", None)]


def on_env(env, config, files):
    """Every page is rendered by now: gather them into the all-in-one page."""
    book_file = files.get_file_from_path(BOOK_PAGE)
    if book_file is None or book_file.page is None:
        return env
    course = _book["course"]
    pages = []
    for src, title in reading_order(course):
        file = files.get_file_from_path(src)
        if file is None or file.page is None:
            continue  # a missing page is reported where it is linked or named; the book goes without it
        pages.append(book.PageSource(src, page_url(src, config.use_directory_urls), file.page.content or "", title))
    whole = book.build_book(config.site_name, pages, course.quiz, {s.id: s for s in course.comparison.sources},
                            config.site_url or "")
    date = build_date()
    book_page = book_file.page
    book_page.content = (book_page.content or "") + book.cover(
        config.site_description, version_of(date), f"{date:%d %B %Y}".lstrip("0"), LICENCE_NAME, LICENCE_URL,
        config.site_author) + book.contents(whole) + book.chapters_html(whole)
    book_page.toc = get_toc(book.toc_tokens(whole))
    _book["book"], _book["page"], _book["date"] = whole, book_page, date
    return env


def on_post_build(config):
    """The steps of macros/post_build.py: none starts once the build has failed (printing took seconds)."""
    if not book.book_files_wanted(config) or "book" not in _book:
        return
    site_dir = Path(config.site_dir)
    post_build.run_step(", ".join(book.PDF_FILES), _write_pdfs, config, site_dir)
    post_build.run_step(book.EPUB_FILE, _write_epub, config, site_dir)
    post_build.run_step("the sizes beside the download links", _fill_sizes, site_dir)


def _chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise post_build.StepFailed("The PDF needs Chromium: install it with `sudo apt-get install chromium` "
                                    "(or set CHROMIUM to its path).")
    return found


def _write_pdfs(config, site_dir: Path) -> None:
    date = _book["date"]
    info = pdf.PdfInfo(config.site_name, config.site_author, config.site_description,
                       "leadership, management, open course", date)
    with _loopback_server(site_dir) as base:
        try:
            files = pdf.print_book(base + _book["page"].url, book.PDF_FILES, info, _chromium())
        except pdf.PrintError as error:
            raise post_build.StepFailed(f"The PDF could not be made: {error}") from None
    for name, content in files.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_bytes(content)


def _write_epub(config, site_dir: Path) -> None:
    date = _book["date"]
    info = epub.EpubInfo(
        title=config.site_name, subtitle=config.site_description, author=config.site_author,
        language=config.theme["language"], identifier=epub.identifier_for(config.site_url or config.site_name),
        licence_name=LICENCE_NAME, licence_url=LICENCE_URL, version=version_of(date), date=date,
        summary=ACCESSIBILITY_SUMMARY)
    try:
        content = epub.build_epub(_book["book"], info)
    except epub.EpubError as error:
        raise post_build.StepFailed(f"The EPUB could not be made: {error}") from None
    (site_dir / book.EPUB_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / book.EPUB_FILE).write_bytes(content)


def _fill_sizes(site_dir: Path) -> None:
    """The pages that link the files got an empty slot for each file's size (book_downloads); fill it."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="book-size"' not in text:
            continue
        filled = SIZE_SLOT.sub(lambda m: f'<span class="book-size" data-book-file="{m[1]}">'
                               f"{book.human_size((site_dir / m[1]).stat().st_size)}</span>", text)
        page.write_text(filled, encoding="utf-8")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _loopback_server:
    """The built site on 127.0.0.1 (a free port) while Chromium prints; stopped on leaving."""

    def __init__(self, folder: Path) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
