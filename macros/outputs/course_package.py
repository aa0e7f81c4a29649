"""The course as one chrome-less page with every file it needs: what the SCORM and cmi5 packages carry.

The rendered module pages (and the final assessment page, where there is one) become the parts
of one launch page, `index.html`, shown one part at a time with a list of the parts to move
between them. One page keeps one progress store and one LMS session for the whole course
(macros/outputs/scorm.py says why one SCO), and the part shown is the bookmark.

Like the embed views it carries no theme: our two small stylesheets, our scripts and the content.
Everything it loads is inside the package. Links to our other pages (the glossary, the references)
point at the published site and open in a new tab; links between parts stay inside the page.
An id used by more than one part (every module has "key-points") is prefixed with its part's id.
"""

import html
import posixpath
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html

from macros.outputs.embeds import EMBED_STYLESHEETS, LICENCE_NAME, LICENCE_URL
from macros.render.edit import DATA_NOTE_CLASS

ADAPTER = "assets/javascripts/lms-adapter.js"
CMI5_CLIENT = "assets/javascripts/vendor/xapi-cmi5/cmi5.umd.min.js"
CMI5_LICENCE = "assets/javascripts/vendor/xapi-cmi5/LICENSE"
# The course's own scripts, in the site's order, where the site has them. The adapter comes right
# after the progress store, so that it restores the LMS's saved copy before the questions read it.
PROGRESS_SCRIPT = "assets/javascripts/progress.js"
COURSE_SCRIPTS = ("assets/javascripts/quiz.js", "assets/javascripts/assessment.js")
# Attributes that name an id on the same page.
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "list")


@dataclass(frozen=True)
class Part:
    id: str  # the module id, or "final"
    title: str
    page_url: str  # the page's address relative to the site root, e.g. "management/"
    content: str  # the page's rendered article HTML
    module: str | None  # the module id, None for a part that is not a module


def part_anchor(part: Part) -> str:
    """The section's id: "part-" keeps it apart from the ids inside the pages (a page's h1 has its module's id)."""
    return html.escape(f"part-{part.id}")


def _site_path(page_url: str, reference: str) -> str | None:
    """A relative link as a site-root-relative path; None when it already leaves the site."""
    parts = urlsplit(reference)
    if parts.scheme or reference.startswith("//") or reference.startswith("#"):
        return None
    return urljoin("/" + page_url, reference).lstrip("/")


def _shared_ids(parts: list[Part]) -> set[str]:
    counts = Counter()
    for part in parts:
        tree = lxml.html.fragment_fromstring(part.content, create_parent="div")
        counts.update(set(tree.xpath(".//@id")))
    return {value for value, count in counts.items() if count > 1}


class _Part:
    """One part being made self-contained: its ids, links and images."""

    def __init__(self, part: Part, parts: list[Part], shared: set[str], site_url: str):
        self.part = part
        self.pages = {other.page_url: other for other in parts}
        self.shared = shared
        self.site_url = site_url
        self.assets: set[str] = set()

    def local_id(self, value: str, part: Part | None = None) -> str:
        return f"{(part or self.part).id}--{value}" if value in self.shared else value

    def retarget(self, link) -> None:
        href = link.get("href")
        if href.startswith("#"):
            link.set("href", "#" + self.local_id(href[1:]))
            return
        target = _site_path(self.part.page_url, href)
        if target is None:
            link.set("target", "_blank")
            link.set("rel", "noopener")
            return
        path, _, fragment = target.partition("#")
        other = self.pages.get(path)
        if other is not None:
            link.set("href", "#" + (self.local_id(fragment, other) if fragment else part_anchor(other)))
        else:
            link.set("href", urljoin(self.site_url, target))
            link.set("target", "_blank")
            link.set("rel", "noopener")

    def html(self) -> str:
        tree = lxml.html.fragment_fromstring(self.part.content, create_parent="div")
        # Permalinks and the contributors' "Generated from docs/data/..." notes belong to the website only.
        for class_name in ("headerlink", DATA_NOTE_CLASS):
            for element in tree.xpath(f".//*[contains(concat(' ', @class, ' '), ' {class_name} ')]"):
                element.drop_tree()
        for element in tree.xpath(".//*[@id]"):
            element.set("id", self.local_id(element.get("id")))
        for attribute in ID_REFERENCES:
            for element in tree.xpath(f".//*[@{attribute}]"):
                element.set(attribute, " ".join(self.local_id(v) for v in element.get(attribute).split()))
        for link in tree.xpath(".//a[@href]"):
            self.retarget(link)
        for media in tree.xpath(".//*[@src]"):
            source = _site_path(self.part.page_url, media.get("src"))
            if source is not None:
                self.assets.add(source)
                media.set("src", source)
        return "".join(lxml.html.tostring(child, encoding="unicode") for child in tree)


def part_sections(parts: list[Part], site_url: str) -> tuple[str, str, set[str]]:
    """The parts as <section>s, the list of parts, and the site paths of the images they show."""
    shared = _shared_ids(parts)
    sections, assets = [], set()
    for part in parts:
        maker = _Part(part, parts, shared, site_url)
        body = maker.html()
        assets |= maker.assets
        module = f' data-module="{html.escape(part.module)}"' if part.module else ""
        sections.append(f'<section class="lms-part" id="{part_anchor(part)}"{module} '
                        f'aria-label="{html.escape(part.title)}">{body}</section>')
    links = "".join(f'<li><a href="#{part_anchor(part)}">{html.escape(part.title)}</a></li>' for part in parts)
    return "".join(sections), links, assets


def launch_page(title: str, sections: str, links: str, site_url: str, lms: str, mastery_score: int,
                scripts: list[str], lang: str = "en") -> str:
    """index.html around the parts. lms: scorm12, scorm2004 or cmi5."""
    head = "".join(f'<link rel="stylesheet" href="{html.escape(sheet)}">' for sheet in EMBED_STYLESHEETS)
    head += "".join(f'<script src="{html.escape(script)}" defer></script>' for script in scripts)
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="color-scheme" content="light dark"><title>{html.escape(title)}</title>'
        # No icon of its own: without this line, a browser asks the LMS's server for /favicon.ico.
        f'<link rel="icon" href="data:,">{head}</head>'
        f'<body class="embed lms-package" data-lms="{html.escape(lms)}" data-mastery-score="{mastery_score}">'
        f'<header class="lms-header"><p class="lms-course">{html.escape(title)}</p>'
        f'<nav aria-label="Parts of the course"><ol class="lms-parts">{links}</ol></nav>'
        f'<p class="lms-status" role="status"></p></header>'
        f'<main class="md-typeset">{sections}</main>'
        f'<p class="embed-attribution"><cite>{html.escape(title)}</cite> · '
        f'<a href="{html.escape(LICENCE_URL)}" target="_blank" rel="noopener license">{LICENCE_NAME}</a> · '
        f'<a href="{html.escape(site_url)}" target="_blank" rel="noopener">The course on the web'
        f'<span class="embed-visually-hidden"> (opens in a new tab)</span></a></p>'
        f'</body></html>\n'
    )


def package_files(title: str, parts: list[Part], site_url: str, standards: tuple[str, ...], mastery_score: int,
                  read_asset: Callable[[str], bytes | None], lang: str = "en") -> dict[str, dict[str, bytes]]:
    """For each standard (scorm12, scorm2004, cmi5), every file of its package but the manifest:
    index.html, stylesheets, scripts and images. The parts are made self-contained once, for all.

    read_asset(site path) returns a file of the built site, or None where the site has no such file.
    """
    sections, links, images = part_sections(parts, site_url)
    packages = {}
    for lms in standards:
        scripts = [PROGRESS_SCRIPT] if read_asset(PROGRESS_SCRIPT) is not None else []
        if lms == "cmi5":
            scripts.append(CMI5_CLIENT)
        scripts.append(ADAPTER)
        scripts += [path for path in COURSE_SCRIPTS if read_asset(path) is not None]
        page = launch_page(title, sections, links, site_url, lms, mastery_score, scripts, lang)
        files = {"index.html": page.encode("utf-8")}
        licences = [CMI5_LICENCE] if lms == "cmi5" else []
        for path in (*EMBED_STYLESHEETS, *scripts, *licences, *sorted(images)):
            content = read_asset(path)
            if content is None:
                raise ValueError(f"the course package needs {path}, which the site does not have")
            files[posixpath.normpath(path)] = content
        packages[lms] = files
    return packages
