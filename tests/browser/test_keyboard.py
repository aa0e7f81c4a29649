"""Keyboard only: Tab reaches every link with a visible focus ring, focus is never lost or trapped, and the
interactive parts (colour scheme toggle, search, the phone layout's navigation drawer) work without a mouse."""

import pytest

from tests.browser.test_accessibility import SHARES, every_page

pytestmark = pytest.mark.browser

# Where focus is after a key press: an id for the element (kept on the element, so a repeat is recognised),
# whether a focus ring shows, and whether the focused thing is on screen. Material's colour scheme toggle is a
# visually hidden radio button whose ring is drawn on the label right after it, so that label counts too.
FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  window.tabCount = window.tabCount || 0;
  element.tabId = element.tabId || ++window.tabCount;
  const drawn = [element, element.nextElementSibling, ...(element.labels || [])]
    .filter(e => e && (e === element || e.tagName === 'LABEL'));
  const ringed = drawn.some(e => {
    const style = getComputedStyle(e);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
  const box = (drawn.find(e => e.getBoundingClientRect().width > 0) || element).getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
  return {id: element.tabId, ringed, onScreen,
          name: element.tagName + (element.className ? '.' + element.className : '') + ' ' +
                (element.getAttribute('href') || element.id || '')};
}"""

VISIBLE_LINKS_NOT_REACHED = """() => [...document.querySelectorAll('a[href]')]
  .filter(a => a.getClientRects().length && a.checkVisibility({visibilityProperty: true}) && !a.tabId)
  .map(a => a.getAttribute('href'))"""


# Set up in a page before its walk: at each Tab key down, before the focus moves on, the page notes where the
# previous Tab left it (focused and scrolled into view by then), until the focus is back where the first Tab put it.
TAB_WALK = """() => {
  const describe = FOCUS;
  window.tabWalk = {steps: [], back: false, keys: 0};
  window.addEventListener('keydown', event => {
    const walk = window.tabWalk;
    if (event.key !== 'Tab' || walk.back || walk.keys++ === 0) return;
    const step = describe();
    if (step && walk.steps[0] && step.id === walk.steps[0].id) walk.back = true;
    else walk.steps.push(step);
  }, true);
}""".replace("FOCUS", FOCUS, 1)
STOPS = "a[href], button, input, select, textarea, summary, [tabindex]"


def tab_cycle(page) -> tuple[list, bool]:
    """Hold Tab down until focus comes back to where the first Tab put it; the steps, and whether it came back.

    A held key repeats its key down, and the page notes each step itself (TAB_WALK): a walk through several hundred
    stops then takes one round trip to the browser per step, not three (a key down, a key up, a look).
    """
    stops = page.locator(STOPS).count()
    most = 3 * stops + 12
    page.evaluate(TAB_WALK)
    pressed, batch = 0, stops // 2 + 1
    # Whether the focus is back is asked after each batch of keys; the keys past that point are not noted.
    while pressed < most:
        for _ in range(min(batch, most - pressed)):
            page.keyboard.down("Tab")
            pressed += 1
        if page.evaluate("window.tabWalk.back"):
            break
        batch = 5
    page.keyboard.up("Tab")
    walk = page.evaluate("window.tabWalk")
    return walk["steps"], walk["back"]


@pytest.fixture
def keyboard_page(browser):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    yield page
    page.evaluate("localStorage.clear()")
    page.close()


PHONE = 360


def pages_to_walk(site, width: int) -> list[str]:
    """Every page at both widths, but embed views at the phone's only: with no header, navigation or sidebars,
    the two widths differ there only in where the lines wrap."""
    return [url for url in every_page(site) if width == PHONE or not url.startswith("embed/")]


@pytest.mark.parametrize("share", range(SHARES), ids=lambda share: f"share-{share + 1}-of-{SHARES}")
@pytest.mark.parametrize("width", [PHONE, 1280], ids=["phone", "desktop"])
def test_tab_reaches_every_link_with_a_visible_ring_and_comes_back(site, published_url, keyboard_page, width, share):
    page = keyboard_page
    page.set_viewport_size({"width": width, "height": 800})
    problems = {}
    pages = pages_to_walk(site, width)[share::SHARES]
    assert pages, "every share has pages to walk"
    for url in pages:
        page.goto(published_url + url, wait_until="load")
        steps, came_back = tab_cycle(page)
        found = []
        if not came_back:
            found.append(f"focus is trapped: Tab never returned to the first element after {len(steps)} presses")
        # Past the last element the browser's own interface takes focus (the page reports <body>) once.
        lost = [i for i, step in enumerate(steps) if step is None]
        if lost and lost != [len(steps) - 1]:
            found.append(f"focus lost to <body> after {[steps[i - 1]['name'] for i in lost if i]}")
        found += [f"no visible focus ring on {s['name']}" for s in steps if s and not s["ringed"]]
        found += [f"focused off screen: {s['name']}" for s in steps if s and not s["onScreen"]]
        found += [f"Tab never reaches link {href}" for href in page.evaluate(VISIBLE_LINKS_NOT_REACHED)]
        if found:
            problems[url] = found
    assert problems == {}


def test_the_tab_check_sees_a_missing_ring_and_an_unreachable_link(published_url, keyboard_page):
    page = keyboard_page
    page.goto(published_url, wait_until="load")
    page.add_style_tag(content=".md-content a { outline: none !important; }")
    page.evaluate("""() => document.querySelector('.md-content a[href]:not(.headerlink)').tabIndex = -1""")
    steps, came_back = tab_cycle(page)
    assert came_back
    assert any(s and not s["ringed"] for s in steps)
    assert page.evaluate(VISIBLE_LINKS_NOT_REACHED)


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
