"""Public addresses never silently change: pages, embed views, downloads and the anchors others link to.

tests/fixtures/public-urls.txt pins every one. Moving a page fails here until the old address
redirects (add `old.md: new.md` under `redirect_maps` in mkdocs.yml); renaming a pinned section
keeps its anchor with `## New title {#old-anchor}`. Only removals fail: they break the links others
made. A new public address breaks nothing, so it is reported (a warning in the test summary, with
the line to add) rather than failed, and a contributor's new dimension passes `make test` as it is.
"""

import shutil
import warnings

from tests.conftest import ROOT
from tests.helpers import BuiltSite

PINNED_FILE = ROOT / "tests/fixtures/public-urls.txt"
DOWNLOADS = ("comparison.json", "comparison.csv", "comparison.yml", "leading-and-managing.imscc",
             "leading-and-managing-thin-cc13.imscc", "links.html")


def pinned() -> list[str]:
    lines = PINNED_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def is_redirect(html: str) -> bool:
    return 'http-equiv="refresh"' in html


def public_urls(site: BuiltSite, course) -> set[str]:
    """What the build publishes now, as directory URLs from the site's root, e.g. '/management/'."""
    urls = {f"downloads/{name}" for name in DOWNLOADS}
    for url, page in site.pages.items():
        if url == "404.html" or url.startswith("downloads/") or is_redirect(page.html):
            continue
        urls.add(url.removesuffix("index.html"))
    differences = site.page("differences/index.md")
    urls |= {f"differences/#{anchor}" for anchor in differences.parser.ids if anchor.startswith("dimension-")}
    for module in course.modules:
        page = site.page(module.page)
        folder = module.page.removesuffix("index.md")
        urls |= {f"{folder}#{attributes['id']}" for tag, attributes in page.parser.tags
                 if tag == "h2" and attributes.get("id")}
    return {"/" + url for url in urls}


def unresolved(site: BuiltSite, urls: list[str]) -> list[str]:
    """Pinned URLs with no file (a page or its redirect) or no anchor behind them."""
    problems = []
    for url in urls:
        path, _, anchor = url.removeprefix("/").partition("#")
        target = site.root / path
        if path == "" or path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{url}: nothing there, and no redirect")
        elif anchor and anchor not in site.pages[target.relative_to(site.root).as_posix()].parser.ids:
            problems.append(f"{url}: no element with id '{anchor}'")
    return problems


class NewPublicUrls(UserWarning):
    """Public addresses that are not pinned yet: worth pinning, never a failure."""


def unpinned(site: BuiltSite, course, pins: list[str]) -> list[str]:
    return sorted(public_urls(site, course) - set(pins))


def test_every_pinned_url_still_resolves_and_new_ones_are_reported(site, course):
    assert unresolved(site, pinned()) == []
    new = unpinned(site, course, pinned())
    if new:
        warnings.warn(NewPublicUrls(f"{len(new)} new public address(es); to pin them, add these lines to "
                                    f"{PINNED_FILE.relative_to(ROOT)}:\n" + "\n".join(new)), stacklevel=1)


def test_a_new_address_is_found_unpinned_and_passes(site, course):
    """As after adding a dimension: its anchor is reported as new, and nothing pinned is missing."""
    pins = pinned()
    anchors = sorted(url for url in pins if url.startswith("/differences/#dimension-"))
    fewer_pins = [url for url in pins if url != anchors[0]]
    assert set(unpinned(site, course, fewer_pins)) - set(unpinned(site, course, pins)) == {anchors[0]}
    assert unresolved(site, fewer_pins) == []


def test_the_check_catches_a_moved_page_and_a_renamed_anchor(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    shutil.rmtree(copy / "glossary")
    page = copy / "differences/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('id="dimension-', 'id="renamed-'), encoding="utf-8")
    problems = "\n".join(unresolved(BuiltSite(copy, site.config), pinned()))
    assert "/glossary/: nothing there" in problems
    assert "/differences/#dimension-" in problems
