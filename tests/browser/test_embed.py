"""Embed views framed by another site, the way a learning platform frames them.

A host page on one loopback port frames embed views served from another port, in sandboxed
iframes with and without allow-same-origin. The host uses the two-line parent-side script
exactly as docs/instructors/embedding.md documents it.
"""

import re

import pytest

from tests.browser.conftest import PageWatch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

LMS_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-same-origin"
STRICT_SANDBOX = "allow-scripts allow-popups"
FRAMES = {
    "section": ("embed/management/what-management-is-for/", LMS_SANDBOX),
    "table": ("embed/differences/table-all/", STRICT_SANDBOX),
    "quiz": ("embed/leadership/quiz/", STRICT_SANDBOX),
}
TOLERANCE_PX = 10


def documented_parent_script() -> str:
    """The <script> block of the embedding guide that handles lti.frameResize."""
    guide = (ROOT / "docs/instructors/embedding.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", guide, flags=re.DOTALL)
    scripts = [block for block in blocks if "lti.frameResize" in block and "<script>" in block]
    assert len(scripts) == 1, "the guide should show one parent-side script"
    return scripts[0]


@pytest.fixture(scope="module")
def host_url(site_url, serve, tmp_path_factory):
    folder = tmp_path_factory.mktemp("host")
    frames = "".join(
        f'<h2>{name}</h2><iframe id="{name}" src="{site_url}{path}" title="{name}" width="100%" height="150" '
        f'sandbox="{sandbox}"></iframe>'
        for name, (path, sandbox) in FRAMES.items())
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course in a platform</title>'
        '<link rel="icon" href="data:,">'
        # Keep every message the frames send, to check both protocols are spoken.
        "<script>window.received = []; addEventListener('message', e => received.push(e.data));</script>"
        f"{documented_parent_script()}</head>"
        f'<body style="margin:0"><main style="max-width:900px;padding:8px">{frames}</main></body></html>',
        encoding="utf-8")
    return serve(folder)


def frame_of(page, name):
    return page.locator(f"#{name}").element_handle().content_frame()


def heights(page, name) -> tuple[float, float]:
    """(the iframe's height on the host page, the height of the content inside it)."""
    outer = page.locator(f"#{name}").bounding_box()["height"]
    inner = frame_of(page, name).evaluate("() => document.documentElement.getBoundingClientRect().height")
    return outer, inner


def wait_until_sized(page, name) -> tuple[float, float]:
    # Chromium pauses layout work in cross-origin frames out of view, as a learner's browser does:
    # bring the frame into view, as a learner scrolling to it would.
    page.locator(f"#{name}").scroll_into_view_if_needed()
    outer, inner = heights(page, name)
    for _ in range(50):
        if abs(outer - inner) <= TOLERANCE_PX:
            break
        page.wait_for_timeout(100)
        outer, inner = heights(page, name)
    return outer, inner


@pytest.fixture
def framed(browser, host_url):
    page = browser.new_page()
    page.set_viewport_size({"width": 1000, "height": 800})
    watch = PageWatch(page, "http://127.0.0.1:")
    page.goto(host_url, wait_until="networkidle")
    yield page, watch
    page.close()


def test_frames_take_the_height_of_their_content_after_load_and_after_narrowing(framed):
    page, watch = framed
    wide = {}
    for name in FRAMES:
        outer, inner = wait_until_sized(page, name)
        assert abs(outer - inner) <= TOLERANCE_PX, (name, outer, inner)
        assert outer > 300, f"{name}: the frame kept its fallback height"
        wide[name] = outer
    page.set_viewport_size({"width": 360, "height": 800})
    for name in FRAMES:
        outer, inner = wait_until_sized(page, name)
        assert abs(outer - inner) <= TOLERANCE_PX, (name, outer, inner)
        assert outer > wide[name], f"{name}: narrower text should make a taller frame"
    assert watch.problems() == {}


def test_frames_speak_canvas_and_h5p(framed):
    page, _ = framed
    wait_until_sized(page, "section")
    received = page.evaluate("() => received")
    assert any(m.get("subject") == "lti.frameResize" and m.get("height", 0) > 0 for m in received)
    assert any(m.get("context") == "h5p" and m.get("action") == "hello" for m in received)
    assert any(m.get("context") == "h5p" and m.get("action") == "resize" and m.get("height", 0) > 0
               for m in received)


def test_frames_show_content_without_site_chrome_and_links_leave_the_frame(framed):
    page, _ = framed
    for name in FRAMES:
        frame = frame_of(page, name)
        assert frame.locator("h1").count() == 1, name
        assert frame.locator("header, nav, footer, .md-header, .md-sidebar, .md-search, form").count() == 0, name
        links = frame.locator("a[href]")
        assert links.count() > 1, name
        for index in range(links.count()):
            link = links.nth(index)
            assert link.get_attribute("target") == "_blank", (name, link.get_attribute("href"))
            assert "noopener" in link.get_attribute("rel"), name
        attribution = frame.locator(".embed-attribution")
        assert "Leading & Managing" in attribution.inner_text()
        assert attribution.locator("a[href='https://creativecommons.org/licenses/by/4.0/']").count() == 1
        assert attribution.get_by_text("Open the full page").count() == 1


def test_embed_dialog_works_from_the_keyboard(watched_page, site_url):
    page, watch = watched_page
    page.goto(site_url + "management/", wait_until="networkidle")
    buttons = page.locator("article .embed-button")
    assert buttons.count() >= 5  # the page, its sections, its table, its self-check
    # The visible word "Embed" starts the accessible name, which says what would be embedded.
    section_button = page.get_by_role("button", name="Embed this section: What management is for", exact=True)
    assert section_button.inner_text().startswith("Embed")
    section_button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=re.compile("Embed this section: What management is for"))
    assert dialog.is_visible()
    code = dialog.get_by_label("Embed code")
    assert page.evaluate("() => document.activeElement.id") == "embed-dialog-code"
    iframe = code.input_value()
    assert 'embed/management/what-management-is-for/"' in iframe and 'loading="lazy"' in iframe
    assert 'width="100%"' in iframe and "title=" in iframe
    preview = dialog.get_by_role("link", name="Preview")
    assert preview.get_attribute("href") == "../embed/management/what-management-is-for/"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    # The dialog's close event, which returns the focus, comes as a task after the key.
    page.wait_for_function("() => document.activeElement.classList.contains('embed-button')")
    assert watch.problems() == {}


def test_copy_button_puts_the_code_on_the_clipboard(watched_page, site_url, browser):
    page, _ = watched_page
    browser.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "differences/", wait_until="networkidle")
    page.locator("article .embed-button[data-embed-kind='table']").first.click()
    page.get_by_role("button", name="Copy code").click()
    page.get_by_text("Copied.").wait_for()
    assert "embed/differences/table-all/" in page.evaluate("() => navigator.clipboard.readText()")


@pytest.mark.parametrize("url", ["management/", "instructors/handout/"])
def test_printouts_carry_the_attribution_line(watched_page, site_url, url):
    page, _ = watched_page
    page.goto(site_url + url, wait_until="load")
    page.emulate_media(media="print")
    attribution = page.locator(".page-attribution")
    assert attribution.is_visible()
    assert "CC BY 4.0" in attribution.inner_text() and "Leading & Managing" in attribution.inner_text()


def test_a_framed_self_check_gives_feedback_when_the_frame_denies_storage(framed):
    """The strict sandbox (no allow-same-origin) makes localStorage throw; the quiz must still answer."""
    page, watch = framed
    page.locator("#quiz").scroll_into_view_if_needed()
    frame = frame_of(page, "quiz")
    question = frame.locator("fieldset").first
    question.locator("input[type=radio]").first.check()
    question.locator(".quiz-check").click()
    feedback = question.locator(".quiz-feedback")
    feedback.wait_for(state="visible")
    assert feedback.inner_text().strip(), "no feedback after checking an answer"
    assert watch.problems() == {}
