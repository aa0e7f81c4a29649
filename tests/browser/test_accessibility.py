"""axe-core can fail, and what a tour of the pages cannot check (tests/browser/test_every_page.py runs axe-core
on every page and embed view, in both schemes, at both widths)."""

import pytest

from tests.browser.checks import axe_violations, prepare_for_axe, set_scheme

pytestmark = pytest.mark.browser


def test_axe_reports_a_violation_when_there_is_one(published_url, scheme_page):
    """The check can fail: an unlabelled image and grey-on-grey text are caught."""
    page = scheme_page
    page.goto(published_url, wait_until="load")
    prepare_for_axe(page)
    page.evaluate("""() => {
        document.querySelector('article').insertAdjacentHTML('beforeend',
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#999;background:#aaa">faint</p>');
    }""")
    ids = " ".join(axe_violations(page))
    assert "image-alt" in ids and "color-contrast" in ids


def test_search_dialog_has_a_name(published_url, scheme_page):
    """Screen readers announce the search dialog by name (Material leaves it unnamed; overrides/partials/search.html)."""
    page = scheme_page
    page.goto(published_url, wait_until="load")
    assert page.get_by_role("dialog", name="Search", include_hidden=True).count() == 1


def test_open_search_and_its_results_have_no_axe_violation(published_url, scheme_page):
    """Search, open with results, then with a result focused (on Material's tint), in both schemes at both widths:
    states no page is in when it loads."""
    page = scheme_page
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url, wait_until="load")
    prepare_for_axe(page)
    page.keyboard.press("/")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    found = {}
    for state in ("results", "a result focused"):
        if state == "a result focused":
            page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
        for scheme in ("light", "dark"):
            assert set_scheme(page, scheme) == []
            for width in (1280, 360):
                page.set_viewport_size({"width": width, "height": 800})
                assert page.locator(".md-search-result__item").first.is_visible()
                if violations := axe_violations(page):
                    found[f"{state}, {scheme}, {width} px"] = violations
    assert found == {}
