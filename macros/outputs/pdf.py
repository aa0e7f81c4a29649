"""The PDF: the all-in-one page printed by Chromium, then made reproducible with pypdf.

Chromium (Debian's, driven by Playwright) prints the page as the site serves it, with the print
stylesheet, a tagged structure (tagged=True) and bookmarks from the headings (outline=True).
Chromium has no CSS target-counter(), so the contents' page numbers come from a first print:
every entry of the contents links to its heading, so Chromium names a destination after each
heading's id, and the PDF says which page each destination is on. The numbers are written into
the page and it is printed again, until the numbers no longer change (they have fixed-width
slots, so the second print almost always agrees with the first).

Then pypdf:
- makes each chapter a top-level bookmark (Chromium nests every heading under the <h1>, the
  book's title);
- sets the document's dates from SOURCE_DATE_EPOCH, its title, author and subject, and an /ID
  computed from the content, so that one commit always gives the same bytes;
- renumbers the ids Chromium gives table cells in the structure tree (it takes them from its own
  DOM node counter, which differs from run to run), keeping their order.
"""

import hashlib
import html
import io
import tempfile
from dataclasses import dataclass
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, Fit, NameObject, TextStringObject

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
MAX_PRINTS = 4
MARGINS = {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}


class PrintError(Exception):
    """The PDF could not be printed; the message says why in one line."""


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str
    subject: str
    keywords: str
    date: datetime  # from SOURCE_DATE_EPOCH, in UTC


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # from 0
    left: float | None
    top: float | None
    children: tuple["Bookmark", ...] = ()


def footer(title: str) -> str:
    """Chromium's footer template: the book's title and "page N of M" on every page."""
    return ('<div style="font-size:8pt;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
            f'color:#333;font-family:sans-serif"><span>{html.escape(title)}</span>'
            '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destination (an element id) -> the page it is on, counted from 1."""
    reader = PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items()}


def bookmarks(pdf: bytes) -> list[Bookmark]:
    reader = PdfReader(io.BytesIO(pdf))

    def walk(items) -> list[Bookmark]:
        result: list[Bookmark] = []
        for item in items:
            if isinstance(item, list):
                last = result.pop()
                result.append(Bookmark(last.title, last.page, last.left, last.top, tuple(walk(item))))
            else:
                result.append(Bookmark(str(item.title), reader.get_destination_page_number(item),
                                       item.get("/Left"), item.get("/Top")))
        return result

    return walk(reader.outline)


def chapters_on_top(tree: list[Bookmark]) -> list[Bookmark]:
    """The book's title is the page's only <h1>: its children, the chapters, become the top level."""
    if len(tree) == 1 and tree[0].children:
        return list(tree[0].children)
    return tree


def pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _structure_elements(node, found: list) -> list:
    """Every structure element under node, depth first (children in /K; /P would lead back up)."""
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for child in node:
            _structure_elements(child, found)
    elif isinstance(node, DictionaryObject) and "/S" in node:
        found.append(node)
        if "/K" in node:
            _structure_elements(node["/K"], found)
    return found


def _renumber_ids(tree_node, new_id) -> None:
    """The keys of the structure tree's /IDTree (a name tree) under their new names."""
    tree_node = tree_node.get_object()
    if "/Names" in tree_node:
        names = tree_node["/Names"]
        for index in range(0, len(names), 2):
            names[index] = new_id(names[index])
    if "/Limits" in tree_node:
        tree_node[NameObject("/Limits")] = ArrayObject(new_id(limit) for limit in tree_node["/Limits"])
    for kid in tree_node.get("/Kids", []):
        _renumber_ids(kid, new_id)


def stable_structure_ids(writer: PdfWriter) -> None:
    """Give the structure elements' /IDs (and the /Headers that name them) numbers that do not change.

    The new numbers keep the old ones' order, so the /IDTree stays sorted as a name tree must be.
    """
    if "/StructTreeRoot" not in writer.root_object:
        return
    tree = writer.root_object["/StructTreeRoot"].get_object()
    elements = _structure_elements(tree.get("/K", ArrayObject()), [])
    old = sorted({str(element["/ID"]) for element in elements if "/ID" in element}, key=lambda i: (len(i), i))
    renamed = {name: f"node{number:08d}" for number, name in enumerate(old, start=1)}

    def new_id(name) -> TextStringObject:
        return TextStringObject(renamed.get(str(name), str(name)))

    for element in elements:
        if "/ID" in element:
            element[NameObject("/ID")] = new_id(element["/ID"])
        attributes = element.get("/A")
        attributes = attributes.get_object() if attributes is not None else None
        for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
            attribute = attribute.get_object() if attribute is not None else None
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(new_id(h) for h in attribute["/Headers"])
    if "/IDTree" in tree:
        _renumber_ids(tree["/IDTree"], new_id)


def finish(pdf: bytes, info: PdfInfo) -> bytes:
    """Chapters as top-level bookmarks, fixed dates and metadata, and an /ID from the content."""
    reader = PdfReader(io.BytesIO(pdf))
    tree = chapters_on_top(bookmarks(pdf))
    writer = PdfWriter(clone_from=reader)
    if "/Outlines" in writer.root_object:
        del writer.root_object["/Outlines"]

    def add(items: list[Bookmark], parent=None) -> None:
        for item in items:
            fit = Fit.xyz(left=item.left, top=item.top) if item.top is not None else Fit.fit()
            added = writer.add_outline_item(title=item.title, page_number=item.page, parent=parent, fit=fit)
            add(list(item.children), added)

    add(tree)
    stable_structure_ids(writer)
    writer.page_mode = "/UseOutlines"
    date = pdf_date(info.date)
    writer.add_metadata({"/Title": info.title, "/Author": info.author, "/Subject": info.subject,
                         "/Keywords": info.keywords, "/Creator": "Leading & Managing (MkDocs, Chromium)",
                         "/CreationDate": date, "/ModDate": date})
    # pypdf would make a random /ID; the same content must give the same file.
    first = io.BytesIO()
    writer.write(first)
    identifier = ByteStringObject(hashlib.md5(first.getvalue(), usedforsecurity=False).digest())
    writer._ID = ArrayObject([identifier, identifier])
    final = io.BytesIO()
    writer.write(final)
    return final.getvalue()


def _fill_page_numbers(page, numbers: dict[str, int]) -> None:
    page.evaluate("""numbers => {
        for (const slot of document.querySelectorAll('.book-toc-page[data-target]')) {
            slot.textContent = String(numbers[slot.dataset.target] ?? '');
        }
    }""", numbers)


def _print(page, paper: str, title: str) -> bytes:
    return page.pdf(format=paper, tagged=True, outline=True, print_background=True, display_header_footer=True,
                    header_template="<span></span>", footer_template=footer(title), margin=MARGINS)


def print_with_page_numbers(page, paper: str, title: str) -> bytes:
    """Print, write each contents entry's page into the page, and print again until the numbers hold."""
    targets = page.eval_on_selector_all(".book-toc-page[data-target]", "slots => slots.map(s => s.dataset.target)")
    numbers: dict[str, int] = {}
    for _ in range(MAX_PRINTS):
        pdf = _print(page, paper, title)
        found = destination_pages(pdf)
        missing = [target for target in targets if target not in found]
        if missing:
            raise PrintError(f"the PDF has no destination for {missing[0]!r} (a contents entry without its heading)")
        printed = {target: found[target] for target in targets}
        if printed == numbers:
            return pdf
        numbers = printed
        _fill_page_numbers(page, numbers)
    raise PrintError(f"the contents' page numbers did not settle after {MAX_PRINTS} prints")


def print_book(url: str, papers: dict[str, str], info: PdfInfo, chromium: str) -> dict[str, bytes]:
    """paper name ("A4", "Letter") -> the finished PDF of the page at url (a loopback address).

    Requests anywhere but url's own server are refused: a build never fetches from elsewhere.
    """
    from playwright.sync_api import Error, sync_playwright

    origin = url.split("/", 3)[:3]
    allowed = "/".join(origin) + "/"
    results: dict[str, bytes] = {}
    try:
        with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
            try:
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                    (allowed, "data:", "about:")) else route.abort())
                page = context.new_page()
                page.goto(url, wait_until="networkidle")
                for name, paper in papers.items():
                    results[name] = finish(print_with_page_numbers(page, paper, info.title), info)
            finally:
                context.close()
    except Error as error:
        raise PrintError(f"Chromium failed: {str(error).splitlines()[0]}") from None
    return results
