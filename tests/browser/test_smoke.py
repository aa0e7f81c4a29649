"""Every built page loads in Chromium with no error, no failed request and no request elsewhere."""

import pytest

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly(site, site_url, watched_page):
    page, watch = watched_page
    urls = [url for url in site.pages if url != "404.html"]
    assert urls
    for url in urls:
        # Requests made after the load event (Material's search worker fetches the index) are still watched: they
        # finish while the next page loads, and the accessibility check, which dwells on every page, sees them too.
        page.goto(site_url + url, wait_until="load")
        assert page.locator("h1").count() >= 1, url
        assert watch.problems() == {}, url


def test_the_watch_sees_a_request_to_another_host(site_url, watched_page):
    """The smoke test would notice a page that loads something from elsewhere."""
    page, watch = watched_page
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("() => { const i = new Image(); i.src = 'http://192.0.2.1/x.png'; }")
    page.wait_for_timeout(200)
    assert any("192.0.2.1" in url for url in watch.foreign)


def test_theme_loads_no_web_fonts_from_elsewhere(site):
    for page in site.pages.values():
        assert "fonts.googleapis.com" not in page.html and "fonts.gstatic.com" not in page.html, page.url
