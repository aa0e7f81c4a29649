"""The light and dark toggle (overrides/partials/palette.html).

The scheme is set while the header is parsed, so a page is never restyled as a whole once its content is there;
a reader's choice is kept, in Material's format, on the next page and after a reload; until then the page follows
the system scheme, even as it changes.
"""

import pytest

from tests.browser.test_assessment import DENY_STORAGE

pytestmark = pytest.mark.browser

PAGE = "management/"
SCHEME = "document.body.dataset.mdColorScheme"
# Every change to the palette's attributes on <body>, and whether the article was already in the page then.
RECORD_BODY_CHANGES = """
  window.bodyChanges = [];
  new MutationObserver(records => {
    for (const record of records) {
      if (record.target === document.body) {
        window.bodyChanges.push({attribute: record.attributeName, afterContent: !!document.querySelector('article')});
      }
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: [
    'data-md-color-media', 'data-md-color-scheme', 'data-md-color-primary', 'data-md-color-accent',
    'data-md-color-switching']});
"""
TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture
def palette_page(browser):
    page = browser.new_page()
    yield page
    # Where storage is denied (the last test) there is nothing to clear.
    page.evaluate("() => { try { localStorage.clear(); } catch (denied) {} }")
    page.close()


def load(page, url: str) -> None:
    """Load a page and let every script that runs at load (Material's bundle included) finish its frames."""
    page.goto(url, wait_until="load")
    page.evaluate(TWO_FRAMES)


@pytest.mark.parametrize("system, scheme", [("light", "default"), ("dark", "slate")])
def test_the_system_scheme_is_set_before_the_content_and_the_page_is_not_restyled_on_load(
        published_url, palette_page, system, scheme):
    page = palette_page
    page.add_init_script(RECORD_BODY_CHANGES)
    page.emulate_media(color_scheme=system)
    load(page, published_url + PAGE)
    assert page.evaluate(SCHEME) == scheme
    changes = page.evaluate("window.bodyChanges")
    assert changes, "the scheme was set by the header's script"
    assert [change for change in changes if change["afterContent"]] == []


def test_a_choice_is_kept_on_the_next_page_and_after_a_reload(published_url, palette_page):
    page = palette_page
    page.emulate_media(color_scheme="light")
    load(page, published_url + PAGE)
    page.evaluate("localStorage.clear()")
    page.locator("label[for=__palette_1]").click()
    page.wait_for_function(f"{SCHEME} === 'slate'")
    saved = page.evaluate("__md_get('__palette')")
    assert saved["index"] == 1 and saved["color"]["scheme"] == "slate"

    page.add_init_script(RECORD_BODY_CHANGES)
    for url in (published_url + "leadership/", None):
        load(page, url) if url else (page.reload(wait_until="load"), page.evaluate(TWO_FRAMES))
        assert page.evaluate(SCHEME) == "slate"
        assert [change for change in page.evaluate("window.bodyChanges") if change["afterContent"]] == []


def test_the_system_scheme_is_followed_as_it_changes_until_a_reader_chooses(published_url, palette_page):
    page = palette_page
    page.emulate_media(color_scheme="light")
    load(page, published_url + PAGE)
    page.evaluate("localStorage.clear()")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(f"{SCHEME} === 'slate'")
    page.emulate_media(color_scheme="light")
    page.wait_for_function(f"{SCHEME} === 'default'")

    page.locator("label[for=__palette_1]").click()
    page.wait_for_function(f"{SCHEME} === 'slate'")
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    page.evaluate(TWO_FRAMES)
    assert page.evaluate(SCHEME) == "slate"


@pytest.mark.parametrize("system, colour_scheme", [("light", "light"), ("dark", "dark")])
def test_the_browser_is_told_the_scheme_and_the_header_colour(published_url, palette_page, system, colour_scheme):
    """Material's component wrote these two meta tags; phone browsers colour their toolbar with theme-color."""
    page = palette_page
    page.emulate_media(color_scheme=system)
    load(page, published_url + PAGE)
    meta = page.evaluate("""() => ({
        scheme: document.querySelector('meta[name=color-scheme]').content,
        theme: document.querySelector('meta[name=theme-color]').content,
        header: getComputedStyle(document.querySelector('.md-header')).backgroundColor})""")
    red, green, blue = (int(part) for part in meta["header"].removeprefix("rgb(").removesuffix(")").split(","))
    assert meta["scheme"] == colour_scheme
    assert meta["theme"] == f"#{red:02x}{green:02x}{blue:02x}"


def test_the_toggle_shows_the_other_scheme_and_only_one_button(published_url, palette_page):
    page = palette_page
    page.emulate_media(color_scheme="light")
    load(page, published_url + PAGE)
    # The button shown is the label of the scheme it switches to (Material's tooltips take its title on hover).
    visible = page.locator(".md-header__option label:visible")
    assert visible.count() == 1
    assert visible.get_attribute("for") == "__palette_1"
    visible.click()
    page.wait_for_function(f"{SCHEME} === 'slate'")
    assert visible.count() == 1
    assert visible.get_attribute("for") == "__palette_0"


def test_with_storage_denied_the_page_follows_the_system_and_the_toggle_still_works(published_url, palette_page):
    page = palette_page
    page.add_init_script(DENY_STORAGE)
    page.emulate_media(color_scheme="dark")
    page.goto(published_url + PAGE, wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(".md-header__option label:visible").count() == 1
    page.locator("label[for=__palette_0]").click()
    page.wait_for_function(f"{SCHEME} === 'default'")
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.evaluate(TWO_FRAMES)
    assert page.evaluate(SCHEME) == "default", "the choice holds for the page, though it cannot be kept"


HEADER_SHIFTS = """() => new Promise(done => new PerformanceObserver((list, observer) => {
  observer.disconnect();
  done(list.getEntries().flatMap(entry => entry.sources)
    .filter(source => source.node && source.node.closest && source.node.closest('.md-header'))
    .map(source => source.node.className));
}).observe({type: 'layout-shift', buffered: true}))"""


def test_the_header_does_not_jump_sideways_as_the_page_loads(published_url, palette_page):
    """The toggle's button shows once Material's scripts have run, with the search box beside it. Shown earlier,
    it jumped sideways when the search box appeared (a layout shift, which Lighthouse counts)."""
    page = palette_page
    page.set_viewport_size({"width": 1350, "height": 940})
    page.emulate_media(color_scheme="light")
    load(page, published_url + "differences/")
    assert page.locator(".md-header__option label:visible").count() == 1
    page.locator("article").evaluate("article => article.insertAdjacentHTML('beforebegin', '<p>moved</p>')")
    assert page.evaluate(HEADER_SHIFTS) == []
