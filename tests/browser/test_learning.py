"""The self-check, the glossary tooltips and the handout in headless Chromium: answering by keyboard only,
progress kept and cleared, answers still revealable with JavaScript off, and the handout on one page."""

import re

import pytest

pytestmark = pytest.mark.browser

STORAGE_KEY = "leading-and-managing:progress:v2"
PAGE = "management/index.md"


def single_answer_items(course, module_id):
    """The module's self-check questions that have one right option (the ones this file answers)."""
    return [item for item in course.self_check(module_id) if item.answer is not None]


def module_url(site_url, course, module_id):
    return site_url + course.module(module_id).page.removesuffix("index.md")


def choose_by_keyboard(page, item_id, option):
    """Focus the question's first option, select it with Space, move down with the arrow keys, then Tab to
    Check answer and press Enter: the way a keyboard user answers."""
    page.focus(f"#quiz-{item_id} input[value='0']")
    page.keyboard.press("Space")
    for _ in range(option):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('quiz-check')")
    page.keyboard.press("Enter")


def feedback(page, item_id):
    region = page.locator(f"#quiz-{item_id} .quiz-feedback")
    return region.inner_text(), region.get_attribute("aria-live")


def test_answer_right_and_wrong_by_keyboard_only(site_url, course, watched_page):
    page, watch = watched_page
    page.goto(module_url(site_url, course, "management"))
    item = single_answer_items(course, "management")[0]
    wrong = (item.answer + 1) % len(item.options)

    choose_by_keyboard(page, item.id, wrong)
    text, live = feedback(page, item.id)
    assert live == "polite"
    assert text.startswith("Not quite.") and item.options[wrong].explanation in text
    assert page.evaluate("document.activeElement.classList.contains('quiz-retry')")

    page.keyboard.press("Enter")  # Try again
    assert feedback(page, item.id)[0] == ""
    assert page.locator(f"#quiz-{item.id} input:checked").count() == 0
    assert page.evaluate("document.activeElement.value") == "0"

    choose_by_keyboard(page, item.id, item.answer)
    text, live = feedback(page, item.id)
    assert live == "polite"
    assert text.startswith("Correct.") and item.options[item.answer].explanation in text
    assert "1 correctly" in page.locator(".quiz-score").inner_text()
    assert watch.problems() == {}


def test_progress_survives_a_reload_and_is_cleared_on_request(site_url, course, watched_page):
    page, watch = watched_page
    url = module_url(site_url, course, "leadership")
    page.goto(url)
    page.evaluate(f"localStorage.removeItem('{STORAGE_KEY}')")
    page.reload()
    first, second = single_answer_items(course, "leadership")[:2]
    choose_by_keyboard(page, first.id, first.answer)
    choose_by_keyboard(page, second.id, (second.answer + 1) % len(second.options))

    page.reload()
    assert page.locator(f"#quiz-{first.id} input[value='{first.answer}']").is_checked()
    assert feedback(page, first.id)[0].startswith("Correct.")
    assert feedback(page, second.id)[0].startswith("Not quite.")
    assert "Answered 2 of" in page.locator(".quiz-score").inner_text()
    assert page.locator(f"#quiz-{first.id} .quiz-retry").is_visible()

    page.focus(".quiz-clear")
    page.keyboard.press("Enter")
    assert page.locator(".quiz-status").inner_text() != ""
    assert feedback(page, first.id)[0] == "" and not page.locator(f"#quiz-{first.id} input:checked").count()
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}') || '{{}}')")
    assert stored["v"] == 2 and first.id not in stored["a"] and second.id not in stored["a"]
    page.reload()
    assert "Answered 0 of" in page.locator(".quiz-score").inner_text()
    assert watch.problems() == {}


def test_quiz_works_when_storage_throws(site_url, course, browser):
    """In a sandboxed iframe, touching localStorage throws; the quiz must still answer, and not throw itself.
    (Material's own scripts do throw there; only errors raised in quiz.js count.)"""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    page.add_init_script("Object.defineProperty(window, 'localStorage', "
                         "{get() { throw new DOMException('denied', 'SecurityError'); }})")
    try:
        page.goto(module_url(site_url, course, "differences"))
        item = single_answer_items(course, "differences")[0]
        choose_by_keyboard(page, item.id, item.answer)
        assert feedback(page, item.id)[0].startswith("Correct.")
        page.locator(f"#quiz-{item.id} .quiz-retry").press("Enter")
        assert feedback(page, item.id)[0] == ""
        assert page.evaluate("() => { try { localStorage; return false; } catch (e) { return true; } }"), \
            "the stub did not make storage throw, so this tests nothing"
        assert [e for e in errors if "quiz.js" in e or "progress.js" in e] == []
    finally:
        page.close()


def test_answers_can_be_revealed_with_javascript_off(site_url, course, browser):
    page = browser.new_page()
    # Chromium's own switch for turning scripts off in this page, through the DevTools protocol: the
    # `browser` fixture is a persistent context, whose java_script_enabled cannot be changed per test.
    page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.goto(module_url(site_url, course, "conclusion"))
        assert page.locator(".quiz-progress").is_hidden(), "the script ran, so this does not test JavaScript off"
        for item in single_answer_items(course, "conclusion"):
            question = page.locator(f"#quiz-{item.id}")
            assert question.locator("legend").inner_text().endswith(item.prompt)
            assert question.locator(".quiz-check").is_hidden()
            answer = question.locator(".quiz-answer li[data-correct]")
            assert not answer.is_visible()
            question.locator("summary").focus()
            page.keyboard.press("Enter")
            assert answer.is_visible() and item.options[item.answer].explanation in answer.inner_text()
    finally:
        page.close()


def test_glossary_tooltip_shows_on_keyboard_focus(site_url, course, watched_page):
    page, watch = watched_page
    page.goto(module_url(site_url, course, "leadership"))
    link = page.locator("a.glossary-term").first
    term = next(t for t in course.terms if link.get_attribute("href").endswith("#" + t.id))
    link.focus()
    tooltip = page.locator(".md-tooltip2", has_text=term.definition)
    tooltip.wait_for(state="visible")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == \
        tooltip.get_attribute("id")
    assert watch.problems() == {}


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF (not the /Pages tree nodes); Chromium writes them uncompressed."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_prints_on_exactly_one_portrait_page(site_url, watched_page, paper):
    page, watch = watched_page
    page.goto(site_url + "instructors/handout/", wait_until="networkidle")
    pdf = page.pdf(format=paper, landscape=False)
    assert pdf_pages(pdf) == 1
    # The count itself: the guide, many times longer, prints on several pages.
    page.goto(site_url + "instructors/guide/", wait_until="networkidle")
    assert pdf_pages(page.pdf(format=paper)) > 1
    assert watch.problems() == {}
