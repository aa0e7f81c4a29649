"""Every built page and embed view, loaded once and then checked in each state a reader can put it in.

- It loads cleanly: a heading, no console error, no failed request, nothing asked of another host (in either scheme).
- axe-core finds no violation of the WCAG 2.0-2.2 A and AA rules in the light and the dark scheme, at 360 and
  1280 px wide.
- The keyboard reaches every link with a visible focus ring, and is never lost or trapped, at both widths (embed
  views, with no header, navigation or sidebars, at the phone's only: the two differ there only in where lines wrap).
- Nothing sticks out sideways at 360 px, nor at 1280 px with text at twice its size.

One load serves every check: the width and the scheme change in place, as when a reader turns a phone or the
system turns dark (the palette follows the system until the reader picks one: tests/browser/test_palette.py).
The checks themselves are in tests/browser/checks.py.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.checks import (
    AXE_HINT, TEXT_AT_200_PERCENT, axe_installed, axe_violations, keyboard_walk, prepare_for_axe, set_scheme,
    sticking_out, stop_transitions,
)
from tests.browser.conftest import PageWatch
from tests.helpers import need

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 360, 1280
# The pages are checked in this many shares, handed out a few at a time to the parallel test workers as they run
# low (tests/conftest.py). Small shares, so that at the end one worker does not wait long for the other.
SHARES = 12


def every_page(site) -> list[str]:
    """Every built HTML file, embed views (embed/...) included as soon as they are built."""
    return list(site.pages)


def share_of_pages(site, share: int) -> list[str]:
    """The pages of one share, heaviest first to the lightest share, so that shares take about as long."""
    sizes = {url: site.pages[url].path.stat().st_size for url in every_page(site)}
    shares: list[list[str]] = [[] for _ in range(SHARES)]
    weights = [0] * SHARES
    for url in sorted(sizes, key=lambda url: -sizes[url]):
        lightest = weights.index(min(weights))
        shares[lightest].append(url)
        weights[lightest] += sizes[url]
    return shares[share]


def set_width(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})


def check(page, url: str) -> list[str]:
    """Every check, on the page just loaded at the phone's width in the light scheme; what fails, by state."""
    found = []
    # Without axe-core (no npm on this machine) every other check still runs; the test then says what was left out.
    with_axe = axe_installed()

    def note(state: str, problems: list[str]) -> None:
        found.extend(f"{state}: {problem}" for problem in problems)

    def axe(state: str) -> None:
        if with_axe:
            note(f"axe ({state})", axe_violations(page))

    if page.locator("h1").count() == 0:
        found.append("no heading 1")
    note("sticks out at 360 px", sticking_out(page))
    if with_axe:
        prepare_for_axe(page)
    else:
        stop_transitions(page)
    note("scheme", set_scheme(page, "light"))
    axe("light, 360 px")
    set_width(page, DESKTOP)
    axe("light, 1280 px")
    note("scheme", set_scheme(page, "dark"))
    axe("dark, 1280 px")
    larger_text = page.add_style_tag(content=TEXT_AT_200_PERCENT)
    note("sticks out with text at 200 %", sticking_out(page))
    larger_text.evaluate("style => style.remove()")
    set_width(page, PHONE)
    axe("dark, 360 px")
    # The walks come last: for a moment after focus has passed a button, Material's tooltip holds the button's
    # title (it puts it back when the tooltip closes), and axe run in that moment reports an unnamed button.
    note("scheme", set_scheme(page, "light"))
    note("keyboard (360 px)", keyboard_walk(page))
    if not url.startswith("embed/"):
        set_width(page, DESKTOP)
        note("keyboard (1280 px)", keyboard_walk(page))
    return found


@pytest.mark.parametrize("share", range(SHARES), ids=lambda share: f"share-{share + 1}-of-{SHARES}")
def test_every_page_passes_every_check_in_each_scheme_and_width(site, published_url, scheme_page, share):
    page = scheme_page
    parts = urlsplit(published_url)
    watch = PageWatch(page, f"{parts.scheme}://{parts.netloc}")
    problems = {}
    pages = share_of_pages(site, share)
    assert pages, "every share has pages to check"
    for url in pages:
        set_width(page, PHONE)
        page.emulate_media(color_scheme="light")
        page.goto(published_url + url, wait_until="load")
        if found := check(page, url):
            problems[url] = found
    assert problems == {}
    # The watch covers the whole visit, so it also sees what is asked for after the load event: the search index,
    # for one, once the Tab walk reaches the search box.
    assert watch.problems() == {}
    need(axe_installed(), "axe-core", "these pages passed every check but axe's; " + AXE_HINT)


def test_the_shares_hold_every_page_once(site):
    shared = [url for share in range(SHARES) for url in share_of_pages(site, share)]
    assert sorted(shared) == sorted(every_page(site))


def test_the_tour_sees_what_fails_in_the_dark_scheme_only(published_url, scheme_page):
    need(axe_installed(), "axe-core", AXE_HINT)
    page = scheme_page
    set_width(page, PHONE)
    page.emulate_media(color_scheme="light")
    page.goto(published_url + "glossary/", wait_until="load")
    page.add_style_tag(content="[data-md-color-scheme=slate] .md-typeset p { color: #444 !important; }")
    found = check(page, "glossary/")
    for width in (PHONE, DESKTOP):
        assert any(problem.startswith(f"axe (dark, {width} px): color-contrast") for problem in found), found
    assert not any(problem.startswith("axe (light") for problem in found)
