"""Links between pages, computed the way MkDocs places pages on disk.

Macros emit HTML, which MkDocs does not rewrite, so relative URLs are computed here:
the same code serves directory URLs (the published site) and file URLs (the offline copy).
"""

import posixpath
from collections.abc import Callable

Linker = Callable[[str, str | None], str]
"""(target page's source path, anchor or None) -> relative href from the current page."""


def page_url(src_uri: str, directory_urls: bool) -> str:
    """'management/index.md' -> 'management/' (or 'management/index.html')."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def relative_href(from_src: str, to_src: str, anchor: str | None, directory_urls: bool) -> str:
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src and anchor:
        return fragment
    here = posixpath.dirname(page_url(from_src, directory_urls)) or "."
    there = page_url(to_src, directory_urls)
    path = posixpath.relpath(there or ".", here)
    if there == "" or there.endswith("/"):
        path = "./" if path == "." else path + "/"
    return path + fragment


def linker_for(from_src: str, directory_urls: bool) -> Linker:
    return lambda to_src, anchor=None: relative_href(from_src, to_src, anchor, directory_urls)
