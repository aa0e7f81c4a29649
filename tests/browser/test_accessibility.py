"""axe-core on every page and embed view: light and dark scheme, phone and desktop width, WCAG 2.0-2.2 A and AA.

The same visits check privacy: in either scheme no page asks another host for anything.
"""

from urllib.parse import urlsplit

import pytest
# axe-core itself (axe.min.js, MPL-2.0) comes vendored in this PyPI package, so the tests need no npm step.
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.conftest import PageWatch

pytestmark = pytest.mark.browser

WCAG_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
              "resultTypes": ["violations"]}
# The scheme a reader's system asks for, and the Material palette that must answer it.
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"phone": 360, "desktop": 1280}
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# The pages are checked in this many shares, which parallel test workers split between them (tests/conftest.py).
SHARES = 4


def every_page(site) -> list[str]:
    """Every built HTML file, embed views (embed/...) included as soon as they are built."""
    return list(site.pages)


def axe_violations(page) -> list[str]:
    """What axe finds on the page as it is now; inject AXE_SCRIPT into the page first."""
    results = page.evaluate("options => axe.run(document, options)", WCAG_RULES)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes'][:3]]}"
            for v in results["violations"]]


@pytest.fixture
def fresh_page(browser):
    page = browser.new_page()
    # Material remembers a palette chosen with the toggle; forget it so the emulated system scheme decides.
    page.add_init_script("localStorage.clear()")
    yield page
    page.close()


@pytest.mark.parametrize("share", range(SHARES), ids=lambda share: f"share-{share + 1}-of-{SHARES}")
def test_no_axe_violation_in_either_scheme_at_either_width_and_no_other_host(site, published_url, fresh_page, share):
    """Each page loads once per scheme; the width then changes in place, which halves the page loads."""
    page = fresh_page
    parts = urlsplit(published_url)
    watch = PageWatch(page, f"{parts.scheme}://{parts.netloc}")
    violations = {}
    pages = every_page(site)[share::SHARES]
    assert pages, "every share has pages to check"
    for url in pages:
        for scheme, palette in SCHEMES.items():
            page.emulate_media(color_scheme=scheme)
            page.goto(published_url + url, wait_until="load")
            assert page.evaluate("document.body.dataset.mdColorScheme ?? null") in (palette, None), (
                f"{url} did not follow the {scheme} system scheme")
            page.evaluate(AXE_SCRIPT)
            # Colours read half-way through Material's transitions after a resize would be neither width's.
            page.add_style_tag(content=NO_TRANSITIONS)
            for width_name, width in WIDTHS.items():
                page.set_viewport_size({"width": width, "height": 800})
                found = axe_violations(page)
                if found:
                    violations[f"{url} ({scheme}, {width_name})"] = found
    assert violations == {}
    assert watch.problems() == {}


def test_axe_reports_a_violation_when_there_is_one(published_url, fresh_page):
    """The check above can fail: an unlabelled image and grey-on-grey text are caught."""
    page = fresh_page
    page.goto(published_url, wait_until="load")
    page.evaluate(AXE_SCRIPT)
    page.evaluate("""() => {
        document.querySelector('article').insertAdjacentHTML('beforeend',
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#999;background:#aaa">faint</p>');
    }""")
    ids = " ".join(axe_violations(page))
    assert "image-alt" in ids and "color-contrast" in ids


def test_search_dialog_has_a_name(published_url, fresh_page):
    """Screen readers announce the search dialog by name (Material leaves it unnamed; overrides/partials/search.html)."""
    page = fresh_page
    page.goto(published_url, wait_until="load")
    assert page.get_by_role("dialog", name="Search", include_hidden=True).count() == 1
