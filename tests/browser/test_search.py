"""Search fetches and builds its index when a reader opens it, not on every page load (overrides/partials/search.html),
and works as before once open: results, and the words highlighted on the page a result leads to."""

import pytest

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


@pytest.fixture
def page_and_index_requests(browser):
    page = browser.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if request.url.endswith(INDEX) else None)
    yield page, asked
    page.close()


def test_the_index_is_fetched_only_once_search_opens(published_url, page_and_index_requests):
    page, asked = page_and_index_requests
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url + "management/", wait_until="networkidle")
    # Material's scripts have started, asked for the index and been held back; a moment more changes nothing.
    page.wait_for_timeout(500)
    assert asked == []
    page.keyboard.press("/")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    assert asked == [published_url + INDEX]


def test_the_search_button_of_a_phone_opens_search_with_its_index(published_url, page_and_index_requests):
    page, asked = page_and_index_requests
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(published_url + "glossary/", wait_until="networkidle")
    assert asked == []
    page.click("label.md-header__button[for=__search]")
    page.keyboard.type("vision")
    page.locator(".md-search-result__item").first.wait_for()
    assert asked == [published_url + INDEX]


def test_a_page_reached_from_a_result_highlights_the_words_searched_for(published_url, page_and_index_requests):
    page, asked = page_and_index_requests
    page.goto(published_url + "leadership/?h=vision", wait_until="load")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert asked == [published_url + INDEX]
