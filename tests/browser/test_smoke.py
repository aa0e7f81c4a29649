"""The request watch that every page's tour relies on sees another host, and no page names a web font host
(tests/browser/test_every_page.py loads every page with no error, no failed request and no request elsewhere)."""

import pytest

pytestmark = pytest.mark.browser


def test_the_watch_sees_a_request_to_another_host(site_url, watched_page):
    page, watch = watched_page
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("() => { const i = new Image(); i.src = 'http://192.0.2.1/x.png'; }")
    page.wait_for_timeout(200)
    assert any("192.0.2.1" in url for url in watch.foreign)


def test_theme_loads_no_web_fonts_from_elsewhere(site):
    for page in site.pages.values():
        assert "fonts.googleapis.com" not in page.html and "fonts.gstatic.com" not in page.html, page.url
