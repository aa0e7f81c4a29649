"""Keyboard only: the walk with Tab can fail, and the interactive parts (colour scheme toggle, search, the phone
layout's navigation drawer) work without a mouse. tests/browser/test_every_page.py walks every page with Tab."""

import pytest

from tests.browser.checks import keyboard_walk

pytestmark = pytest.mark.browser


@pytest.fixture
def keyboard_page(browser):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    yield page
    page.evaluate("localStorage.clear()")
    page.close()


def test_the_walk_sees_a_missing_ring_and_an_unreachable_link(published_url, keyboard_page):
    page = keyboard_page
    page.goto(published_url, wait_until="load")
    page.add_style_tag(content=".md-content a { outline: none !important; }")
    unreachable = page.evaluate("""() => {
        const link = document.querySelector('.md-content a[href]:not(.headerlink)');
        link.tabIndex = -1;
        return link.getAttribute('href');
    }""")
    problems = keyboard_walk(page)
    assert any(problem.startswith("no visible focus ring on A") for problem in problems)
    assert f"Tab never reaches link {unreachable}" in problems
    assert not any(problem.startswith("focus is trapped") for problem in problems)


def test_the_walk_sees_focus_trapped(published_url, keyboard_page):
    page = keyboard_page
    page.goto(published_url, wait_until="load")
    page.evaluate("""() => {
        const first = document.querySelector('.md-content a[href]');
        first.addEventListener('keydown', event => { if (event.key === 'Tab') event.preventDefault(); });
    }""")
    assert any(problem.startswith("focus is trapped") for problem in keyboard_walk(page))


def press_tab_until(page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_colour_scheme_toggles_by_keyboard(published_url, keyboard_page):
    page = keyboard_page
    page.emulate_media(color_scheme="light")
    page.goto(published_url, wait_until="load")
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "default"
    press_tab_until(page, "input[name=__palette]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{scheme} === 'slate'")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{scheme} === 'default'")


def test_search_works_by_keyboard(published_url, keyboard_page):
    page = keyboard_page
    page.goto(published_url, wait_until="load")
    press_tab_until(page, ".md-search__input")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(published_url) and page.url != published_url
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    # Material opens search 1 ms after the focus moves (a debounced focusin), and an Escape
    # before that is a key pressed in the page, not in search: no reader types that fast.
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_navigation_drawer_opens_and_closes_by_keyboard_on_a_phone(published_url, keyboard_page):
    """assets/javascripts/keyboard.js: Material's drawer button is a label that a keyboard could not reach."""
    page = keyboard_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(published_url + "leadership/", wait_until="load")
    drawer = "document.getElementById('__drawer').checked"
    press_tab_until(page, "label.md-header__button[for=__drawer]")
    page.keyboard.press("Enter")
    page.wait_for_function(drawer)
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate(drawer)
    assert page.evaluate("document.activeElement.matches('label.md-header__button[for=__drawer]')")


def test_search_opens_by_keyboard_on_a_phone(published_url, keyboard_page):
    page = keyboard_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(published_url, wait_until="load")
    press_tab_until(page, "label.md-header__button[for=__search]")
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.type("leadership")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
