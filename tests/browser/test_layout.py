"""Nothing is cut off or pushes the page sideways: on a 360 px phone, and with text at twice its size."""

import pytest

from tests.browser.test_accessibility import every_page

pytestmark = pytest.mark.browser

# Visible elements (of some size) that reach past the right edge of the viewport, unless a box that scrolls sideways holds them
# (wide tables scroll inside .comparison-table). Material hides the page's own sideways scroll bar
# (html { overflow-x: hidden }), so scrollWidth alone would not show content that is cut off.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const inScrollBox = element => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter(e => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > width + 1
        && e.checkVisibility({visibilityProperty: true}) && !inScrollBox(e);
    })
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : ''));
}"""

# Material sizes everything in rem from html { font-size: 125% }: doubling it doubles every text size, as a
# reader's browser does with text-only zoom at 200% (WCAG 1.4.4).
TEXT_AT_200_PERCENT = "html { font-size: 250% !important; }"


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def test_nothing_sticks_out_on_a_phone_or_with_text_at_twice_its_size(site, published_url, page):
    """Each page loads once at phone width; then the text doubles at desktop width, in place."""
    problems = {}
    for url in every_page(site):
        page.set_viewport_size({"width": 360, "height": 800})
        page.goto(published_url + url, wait_until="load")
        if found := page.evaluate(STICKING_OUT):
            problems[f"{url} at 360 px"] = found
        page.set_viewport_size({"width": 1280, "height": 800})
        page.add_style_tag(content=TEXT_AT_200_PERCENT)
        if found := page.evaluate(STICKING_OUT):
            problems[f"{url} with text at 200%"] = found
    assert problems == {}


def test_open_search_with_text_at_twice_its_size_stays_on_screen(published_url, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url, wait_until="load")
    page.add_style_tag(content=TEXT_AT_200_PERCENT)
    page.keyboard.press("/")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate(STICKING_OUT) == []


def test_the_check_sees_something_that_sticks_out(published_url, page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(published_url, wait_until="load")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p class="too-wide" style="width: 500px">wide</p>')""")
    assert "p.too-wide" in page.evaluate(STICKING_OUT)
