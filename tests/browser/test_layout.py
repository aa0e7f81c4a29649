"""What sticks out sideways can be seen, and open search stays on screen with text at twice its size
(tests/browser/test_every_page.py checks every page on a 360 px phone and with text at 200 %)."""

import pytest

from tests.browser.checks import TEXT_AT_200_PERCENT, sticking_out

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def test_open_search_with_text_at_twice_its_size_stays_on_screen(published_url, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url, wait_until="load")
    page.add_style_tag(content=TEXT_AT_200_PERCENT)
    page.keyboard.press("/")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    assert sticking_out(page) == []


def test_the_check_sees_something_that_sticks_out(published_url, page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(published_url, wait_until="load")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p class="too-wide" style="width: 500px">wide</p>')""")
    assert "p.too-wide" in sticking_out(page)
