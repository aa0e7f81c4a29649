"""Reading the built site the way a browser would: pages, their links, ids and text."""

import os
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest


def need(found, what: str, hint: str) -> None:
    """A tool the test needs: missing fails in CI, and skips with the way to install it elsewhere."""
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no {what} found in CI; {hint}")
        pytest.skip(f"no {what} found; {hint}")


class PageParser(HTMLParser):
    """Collects the ids, the links (href/src) and the visible text of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.text_parts: list[str] = []
        self.skip_depth = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append((tag, attributes[name]))
        if tag in ("script", "style"):
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data):
        if not self.skip_depth:
            self.text_parts.append(data)


@dataclass
class Page:
    path: Path
    url: str  # relative to the site root, e.g. "management/index.html"
    parser: PageParser = field(repr=False)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parser.text_parts).split())

    @property
    def html(self) -> str:
        return self.path.read_text(encoding="utf-8")


class BuiltSite:
    def __init__(self, root: Path, config) -> None:
        self.root = root
        self.config = config

    @cached_property
    def pages(self) -> dict[str, Page]:
        pages = {}
        for path in sorted(self.root.rglob("*.html")):
            parser = PageParser()
            parser.feed(path.read_text(encoding="utf-8"))
            url = path.relative_to(self.root).as_posix()
            pages[url] = Page(path, url, parser)
        return pages

    def page(self, src_uri: str) -> Page:
        """The built page of a Markdown source, e.g. 'differences/index.md'."""
        stem = src_uri.removesuffix(".md")
        url = f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
        return self.pages[url]

    def resolve(self, from_url: str, link: str) -> tuple[Path | None, str]:
        """The file a relative link points to, and its fragment; None for other sites."""
        parsed = urlparse(link)
        if parsed.scheme or link.startswith("//"):
            return None, ""
        if link.startswith("/"):
            # Root-relative links (Material's 404 page) start with the site's own path.
            base = urlparse(self.config["site_url"] or "/").path
            link = "/" + link.removeprefix(base).lstrip("/")
        target, fragment = urldefrag(urljoin("/" + from_url, link))
        path = self.root / unquote(target).lstrip("/")
        if target.endswith("/") or path.is_dir():
            path = path / "index.html"
        return path, unquote(fragment)
