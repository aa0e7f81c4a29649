"""Embed views: the parts of a module page an instructor can frame in a learning platform.

A module page's article HTML (what MkDocs rendered from the Markdown, before the theme wraps
it) is cut into views: the whole page, each H2 section, each comparison table and the
self-check. Each view becomes a small page at a stable URL, drawn by overrides/embed.html:

    embed/<module>/                 the whole page
    embed/<module>/<h2-id>/         one section
    embed/<module>/table-<group>/   one comparison table ("table-all" for the full one)
    embed/<module>/quiz/            the element marked data-embed="quiz"

Every link inside a view opens outside the frame, at the address it had on the full page.
"""

import copy
import html
import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html

EMBED_ROOT = "embed"
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Fallback heights for the iframe code, used where the platform ignores resize messages.
FALLBACK_HEIGHTS = {"page": 800, "section": 600, "table": 600, "quiz": 700}
KIND_LABELS = {"page": "page", "section": "section", "table": "table", "quiz": "self-check"}


@dataclass(frozen=True)
class EmbedView:
    module: str
    kind: str  # "page", "section", "table" or "quiz"
    key: str  # "" for the whole page, else the last part of the path
    title: str  # plain text
    body: str  # HTML whose links are already relative to the view's own address
    page_url: str  # the full page, relative to the site root, e.g. "management/"
    anchor: str | None  # where the view starts on the full page

    @property
    def path(self) -> str:
        """The view's address relative to the site root, e.g. 'embed/management/key-points/'."""
        return embed_path(self.module, self.key)

    @property
    def has_quiz(self) -> bool:
        return 'class="quiz' in self.body or 'data-embed="quiz"' in self.body

    @property
    def full_page(self) -> str:
        """The full page (and anchor), relative to the site root."""
        return self.page_url + (f"#{self.anchor}" if self.anchor else "")


def embed_path(module_id: str, key: str = "") -> str:
    return f"{EMBED_ROOT}/{module_id}/" + (f"{key}/" if key else "")


def relative_url(from_dir: str, to_url: str) -> str:
    """A link from a folder ('embed/management/') to a site-root-relative URL ('references/#x')."""
    target, _, fragment = to_url.partition("#")
    path = posixpath.relpath(target or ".", from_dir.rstrip("/") or ".")
    if target == "" or target.endswith("/"):
        path = "./" if path == "." else path + "/"
    return path + (f"#{fragment}" if fragment else "")


def _site_path(page_url: str, href: str) -> str | None:
    """A link as written on the page, as a site-root-relative URL; None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return None
    resolved = urljoin("/" + page_url, href)
    return resolved.lstrip("/")


def _retarget_links(element, page_url: str, view_dir: str) -> None:
    """Relative links point where they pointed on the full page; every link leaves the frame."""
    for link in element.iter("a"):
        href = link.get("href")
        if href is not None:
            site_path = _site_path(page_url, href)
            if site_path is not None:
                link.set("href", relative_url(view_dir, site_path))
            link.set("target", "_blank")
            link.set("rel", "noopener")
    for media in element.xpath(".//*[@src]"):
        site_path = _site_path(page_url, media.get("src"))
        if site_path is not None:
            media.set("src", relative_url(view_dir, site_path))


def _promote_headings(element) -> None:
    """A section shown on its own starts with an h1; its sub-headings move up one level to match."""
    for heading in element.xpath(".//h2|.//h3|.//h4|.//h5|.//h6"):
        heading.tag = f"h{int(heading.tag[1]) - 1}"


def _serialise(elements, page_url: str, view_dir: str, promote: bool = False) -> str:
    wrapper = lxml.html.Element("div")
    for element in elements:
        wrapper.append(copy.deepcopy(element))
    _retarget_links(wrapper, page_url, view_dir)
    if promote:
        _promote_headings(wrapper)
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in wrapper)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _table_key(table) -> str:
    """'table-<group>' for a one-group table, 'table-all' for the full comparison."""
    groups = table.xpath(".//tbody/@data-group")
    return f"table-{groups[0]}" if len(groups) == 1 else "table-all"


def _sections(article) -> list[tuple[object, list]]:
    """Each top-level H2 with the elements that follow it up to the next H2."""
    sections: list[tuple[object, list]] = []
    for child in article:
        if child.tag == "h2":
            sections.append((child, [child]))
        elif sections:
            sections[-1][1].append(child)
    return sections


def split_views(content: str, module_id: str, page_title: str, page_url: str) -> list[EmbedView]:
    """All embed views of one rendered module page, the whole page first."""
    article = lxml.html.fragment_fromstring(content, create_parent="div")
    for permalink in article.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        permalink.drop_tree()

    def view(kind, key, title, elements, anchor, promote=False):
        body = _serialise(elements, page_url, embed_path(module_id, key), promote)
        return EmbedView(module_id, kind, key, title, body, page_url, anchor)

    views = [view("page", "", page_title, list(article), None)]
    for heading, elements in _sections(article):
        if heading.get("id"):
            views.append(view("section", heading.get("id"), _text(heading), elements, heading.get("id"),
                              promote=True))
    for table in article.xpath(".//div[contains(concat(' ', @class, ' '), ' comparison-table ')]"):
        captions = table.xpath(".//caption")
        title = _text(captions[0]) if captions else page_title
        views.append(view("table", _table_key(table), title, [table], table.get("id")))
    # The end-of-page self-check (macros/render/quiz.py) is a div.quiz with data-context="check"; any element
    # marked data-embed="quiz" also counts.
    for quiz in article.xpath(".//*[@data-embed='quiz'] | .//div[contains(concat(' ', @class, ' '), ' quiz ')]"
                              "[@data-context='check']")[:1]:
        headings = quiz.xpath(".//h2|.//h3")
        title = _text(headings[0]) if headings else f"Self-check: {page_title}"
        views.append(view("quiz", "quiz", title, [quiz], quiz.get("id")))
    return views


def iframe_code(view: EmbedView, site_url: str) -> str:
    """The code an instructor pastes: a titled, lazy, full-width frame with a fixed fallback height."""
    src = urljoin(site_url, view.path)
    title = f"{view.title} (Leading & Managing)"
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" '
            f'height="{FALLBACK_HEIGHTS[view.kind]}" loading="lazy" style="border: 0;"></iframe>')


def embed_targets(views: list[EmbedView], site_url: str) -> list[dict]:
    """What the page's Embed buttons need: where each view sits on the page and its code."""
    return [{
        "kind": view.kind,
        "key": view.key,
        "label": KIND_LABELS[view.kind],
        "title": view.title,
        "code": iframe_code(view, site_url),
        "preview": relative_url(view.page_url if view.page_url.endswith("/") else posixpath.dirname(view.page_url),
                                view.path),
    } for view in views]


# embed.css first: it defines the theme colours that course.css (the generated parts) uses.
EMBED_STYLESHEETS = ("assets/stylesheets/embed.css", "assets/stylesheets/course.css")
RESIZE_SCRIPT = "assets/javascripts/embed-resize.js"
# A view that holds a self-check also gets the quiz scripts: they work when a sandboxed frame denies
# storage, so learners get feedback inside an LMS too. quiz.js keeps answers through progress.js.
QUIZ_SCRIPTS = ("assets/javascripts/progress.js", "assets/javascripts/quiz.js")
# Material's icon; without a link to it, browsers ask for /favicon.ico, which is not there.
FAVICON = "assets/images/favicon.png"


def render_view(template, view: EmbedView, site_url: str, site_name: str, lang: str) -> str:
    """The view's HTML page, drawn by overrides/embed.html (a Jinja template object)."""
    here = view.path
    return template.render(
        view=view, lang=lang, site_name=site_name,
        canonical=urljoin(site_url, view.full_page),
        stylesheets=[relative_url(here, sheet) for sheet in EMBED_STYLESHEETS],
        scripts=[relative_url(here, script)
                 for script in (RESIZE_SCRIPT,) + (QUIZ_SCRIPTS if view.has_quiz else ())],
        favicon=relative_url(here, FAVICON),
        full_page=relative_url(here, view.full_page),
        licence_name=LICENCE_NAME, licence_url=LICENCE_URL,
    )
