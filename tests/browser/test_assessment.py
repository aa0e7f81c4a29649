"""The assessment in headless Chromium: the final's seeded draw, scoring and retake; the pre-test; new kinds
of question; the progress page fed by module pages; the course's events; and storage denied."""

import json

import pytest

from macros.draw import attempt
from macros.render.assessment import pass_count

pytestmark = pytest.mark.browser

KEY = "leading-and-managing:progress:v2"
DENY_STORAGE = ("Object.defineProperty(window, 'localStorage', "
                "{get() { throw new DOMException('denied', 'SecurityError'); }})")
# Collects the course's events (the contract in ARCHITECTURE.md) on window.courseEvents.
RECORD_EVENTS = """
window.courseEvents = [];
for (const name of ["course:module-read", "course:item-answered", "course:final-submitted",
                    "course:progress-changed"]) {
  document.addEventListener(name, (event) => window.courseEvents.push({name, detail: event.detail}));
}
"""


def url(site_url, page):
    return site_url + page.removesuffix("index.md").removesuffix(".md") + ("/" if page.endswith(".md")
                                                                         and not page.endswith("index.md") else "")


def answer(page, fieldset, item, right=True):
    """Answer one question as a learner would: click options, or choose in each select of a matching item."""
    if item.kind == "matching":
        choices = item.choices()
        for number, pair in enumerate(item.pairs):
            wanted = choices.index(pair.response)
            if not right and number == 0:
                wanted = (wanted + 1) % len(choices)
            fieldset.locator(f"select[data-premise='{number}']").select_option(str(wanted))
        return
    options = item.correct_options() if right else [next(i for i in range(len(item.options))
                                                         if i not in item.correct_options())]
    for option in options:
        fieldset.locator(f"input[value='{option}']").check()


def drawn_ids(page):
    return page.eval_on_selector_all(".assessment-questions .quiz-item:not([hidden])",
                                     "items => items.map(i => i.dataset.item)")


def events(page, name):
    return [e["detail"] for e in page.evaluate("window.courseEvents") if e["name"] == name]


@pytest.fixture
def fresh_page(browser, site_url):
    """A page whose progress store starts empty, recording the course's events."""
    page = browser.new_page()
    page.add_init_script(RECORD_EVENTS)
    page.goto(site_url)
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    yield page
    page.close()


def test_final_scores_an_attempt_and_a_retake_draws_the_seeded_set(site_url, course, fresh_page):
    page = fresh_page
    pool, count = course.final_pool(), course.assessment.final_items
    modules = [m.id for m in course.modules]
    page.goto(site_url + "assessment/final/")
    first = attempt(pool, count, 1, modules)
    assert drawn_ids(page) == first, "the browser's draw differs from macros/draw.py for attempt 1"
    assert len({course.item(i).objective for i in first}) == len(course.objectives())

    wrong = first[: count - pass_count(course.assessment) + 1]  # one more wrong than a pass allows
    for item_id in first:
        answer(page, page.locator(f"#final-{item_id}"), course.item(item_id), right=item_id not in wrong)
    page.locator(".assessment-submit").focus()
    page.keyboard.press("Enter")

    score = count - len(wrong)
    result = page.locator(".assessment-result")
    assert result.is_visible() and page.evaluate("document.activeElement.classList.contains('assessment-result')")
    assert f"{score} of {count} correct" in page.locator(".assessment-score").inner_text()
    assert "Not passed yet" in page.locator(".assessment-status").inner_text()
    submitted = events(page, "course:final-submitted")
    assert submitted == [{"score": score, "max": count, "scaled": score / count, "passed": False, "attempt": 1,
                          "answers": submitted[0]["answers"]}]
    assert set(submitted[0]["answers"]) == set(first)
    answered = events(page, "course:item-answered")
    assert [a["item"] for a in answered] == first and all(a["context"] == "final" for a in answered)
    assert sum(a["correct"] for a in answered) == score
    # Per objective: an objective with a wrong answer says so, one with every answer right is secure.
    for objective in course.objectives():
        row = page.locator(f".assessment-objectives tr[data-objective='{objective.id}']")
        asked = [i for i in first if course.item(i).objective == objective.id]
        missed = [i for i in asked if i in wrong]
        assert row.locator(".assessment-objective-score").inner_text() == f"{len(asked) - len(missed)} of {len(asked)}"
        assert row.locator(".assessment-objective-verdict").inner_text() == \
            ("Review this objective" if missed else "Secure")
    # Every question now shows its explanation.
    assert page.locator(f"#final-{first[0]} .quiz-answer").is_visible()

    page.locator(".assessment-again").click()
    second = attempt(pool, count, 2, modules)
    assert drawn_ids(page) == second and second != first
    assert len(set(second) & set(first)) < count // 2, "a retake should mostly ask other questions"
    assert page.locator(".assessment-attempt").inner_text().startswith("Attempt 2")
    for item_id in second:
        answer(page, page.locator(f"#final-{item_id}"), course.item(item_id))
    page.locator(".assessment-submit").click()
    assert "You passed" in page.locator(".assessment-score").inner_text()
    assert events(page, "course:final-submitted")[-1]["passed"] is True
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert stored["f"]["n"] == 2 and stored["f"]["s"] == count and stored["f"]["ok"] == 1

    page.reload()  # a reload keeps the latest attempt's set
    assert drawn_ids(page) == second


def test_pretest_suggests_the_weakest_module(site_url, course, fresh_page):
    page = fresh_page
    page.goto(site_url + "assessment/pretest/")
    items = course.pretest()
    weakest = course.modules[2].id
    for item in items:
        if item.module != weakest:
            answer(page, page.locator(f"#pretest-{item.id}"), item)
    page.locator(".assessment-submit").click()
    assert course.modules[2].title in page.locator(".assessment-suggestion").inner_text()
    right = len([i for i in items if i.module != weakest])
    assert f"{right} of {len(items)}" in page.locator(".assessment-score").inner_text()
    assert all(e["context"] == "pretest" for e in events(page, "course:item-answered"))


def test_multiple_and_matching_items_check_by_keyboard_with_announced_feedback(site_url, course, fresh_page):
    page = fresh_page
    module = next(m for m in course.modules
                  if {"multiple", "matching"} <= {i.kind for i in course.self_check(m.id)})
    page.goto(url(site_url, module.page))
    multiple = next(i for i in course.self_check(module.id) if i.kind == "multiple")
    question = page.locator(f"#quiz-{multiple.id}")
    question.locator(f"input[value='{multiple.answers[0]}']").focus()
    page.keyboard.press("Space")  # one right option only: not enough
    question.locator(".quiz-check").focus()
    page.keyboard.press("Enter")
    feedback = question.locator(".quiz-feedback")
    assert feedback.get_attribute("aria-live") == "polite" and feedback.inner_text().startswith("Not quite.")
    assert "left out" in feedback.inner_text()
    page.keyboard.press("Enter")  # focus moved to Try again
    answer(page, question, multiple)
    question.locator(".quiz-check").press("Enter")
    assert feedback.inner_text().startswith("Correct.")

    matching = next(i for i in course.self_check(module.id) if i.kind == "matching")
    question = page.locator(f"#quiz-{matching.id}")
    labels = question.locator(".quiz-match label")
    assert labels.count() == len(matching.pairs)
    assert [labels.nth(n).inner_text() for n in range(labels.count())] == [p.premise for p in matching.pairs]
    question.locator(".quiz-check").press("Enter")
    assert "every row" in question.locator(".quiz-feedback").inner_text()
    answer(page, question, matching, right=False)
    question.locator(".quiz-check").press("Enter")
    assert question.locator(".quiz-feedback").inner_text().startswith("Not quite. ")
    detail = events(page, "course:item-answered")[-1]
    assert detail["item"] == matching.id and detail["correct"] is False and detail["context"] == "check"
    assert detail["objective"] == matching.objective and detail["kind"] == "matching"
    choices = matching.choices()
    expected = [f"{n}.{choices.index(p.response)}" for n, p in enumerate(matching.pairs)]
    expected[0] = f"0.{(choices.index(matching.pairs[0].response) + 1) % len(choices)}"
    assert detail["response"] == ",".join(expected)


def test_progress_page_reflects_answers_and_reading_on_module_pages(site_url, course, fresh_page):
    page = fresh_page
    module = course.modules[0]
    checks = course.self_check(module.id)
    page.goto(url(site_url, module.page))
    singles = [i for i in checks if i.answer is not None][:2]
    for number, item in enumerate(singles):
        question = page.locator(f"#quiz-{item.id}")
        answer(page, question, item, right=number == 0)
        question.locator(".quiz-check").click()
    page.locator(".module-key-points").scroll_into_view_if_needed()
    page.wait_for_function("window.courseEvents.some(e => e.name === 'course:module-read')")
    assert events(page, "course:module-read") == [{"module": module.id}]
    inline = course.inline_checks(module.id)[0]
    answer(page, page.locator(f"#inline-{inline.id}"), inline)
    page.locator(f"#inline-{inline.id} .quiz-check").click()
    assert events(page, "course:item-answered")[-1]["context"] == "inline"

    page.goto(site_url + "assessment/progress/")
    row = page.locator(f".progress-table tr[data-module='{module.id}']")
    assert row.locator(".progress-read").inner_text() == "Yes"
    assert row.locator(".progress-check").inner_text() == f"Answered 2 of {len(checks)}"
    assert row.locator(".progress-score").inner_text() == f"1 of {len(checks)} right"
    other = page.locator(f".progress-table tr[data-module='{course.modules[1].id}']")
    assert other.locator(".progress-read").inner_text() == "Not yet"
    assert page.locator(".progress-continue a").get_attribute("href").endswith(
        module.page.removesuffix("index.md"))
    assert "kept in this browser" in page.locator(".progress-storage").inner_text()
    page.fill("#progress-name", "Ada Learner")
    record = page.locator(".progress-record").inner_text()
    assert "Ada Learner reports having read 1 of" in record and "self-reported" in record

    page.locator(".progress-clear").focus()
    page.keyboard.press("Enter")
    assert "cleared" in page.locator(".progress-status").inner_text()
    assert row.locator(".progress-read").inner_text() == "Not yet"
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")["a"] == {}


def test_snapshot_of_the_whole_bank_answered_fits_scorm_suspend_data(site_url, course, fresh_page):
    page = fresh_page
    page.goto(site_url + "assessment/progress/")
    everything = {"v": 2, "a": {}, "r": {m.id: 1 for m in course.modules}, "l": course.modules[-1].id,
                  "p": {"s": 5, "m": 9, "by": {m.id: [1, 3] for m in course.modules}},
                  "f": {"n": 12, "s": 20, "m": 24, "ok": 1, "by": {m.id: [5, 6] for m in course.modules}}}
    for item in course.quiz:  # the longest response each item allows
        everything["a"][item.id] = (",".join(f"{n}.{len(item.choices()) - 1}" for n in range(len(item.pairs)))
                                    if item.kind == "matching" else ",".join(str(n) for n in range(len(item.options))))
    page.evaluate("snapshot => window.CourseProgress.restore(snapshot)", everything)
    snapshot = page.evaluate("window.CourseProgress.snapshot()")
    assert snapshot == everything
    assert len(json.dumps(snapshot, separators=(",", ":"))) <= 4096
    page.evaluate("window.CourseProgress.restore({v: 1, a: {x: '<script>'}})")  # foreign data is dropped
    assert page.evaluate("window.CourseProgress.snapshot()")["a"] == {}


def test_the_progress_page_is_laid_out_before_its_script_runs_and_left_out_without_scripts(site_url, browser):
    """The script fills in words, it does not reveal the table: revealing it late shifted the page (make bench,
    Lighthouse's layout shift). With scripts off the table would show only blanks, so the page says why instead."""
    page = browser.new_page()
    try:
        page.route("**/assessment.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
        page.goto(site_url + "assessment/progress/")
        assert page.locator(".progress-table").is_visible(), "the table waits for the script to show it"
        assert "kept in this browser" in page.locator(".progress-storage").inner_text()

        page.unroute("**/assessment.js")
        page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
        page.goto(site_url + "assessment/progress/")
        assert page.locator(".course-progress").is_hidden()
        assert "This page needs JavaScript" in page.locator("article").inner_text()  # the rendered text only
    finally:
        page.close()


def test_everything_works_when_storage_is_denied(site_url, course, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    page.add_init_script(DENY_STORAGE)
    try:
        page.goto(site_url + "assessment/progress/")
        assert page.evaluate("() => { try { localStorage; return false; } catch (e) { return true; } }")
        assert "does not let the course keep your progress" in page.locator(".progress-storage").inner_text()
        page.goto(site_url + "assessment/final/")
        first = drawn_ids(page)
        assert first == attempt(course.final_pool(), course.assessment.final_items, 1,
                                [m.id for m in course.modules])
        for item_id in first:
            answer(page, page.locator(f"#final-{item_id}"), course.item(item_id))
        page.locator(".assessment-submit").click()
        assert "You passed" in page.locator(".assessment-score").inner_text()
        page.goto(url(site_url, course.modules[0].page))
        item = next(i for i in course.self_check(course.modules[0].id) if i.answer is not None)
        answer(page, page.locator(f"#quiz-{item.id}"), item)
        page.locator(f"#quiz-{item.id} .quiz-check").click()
        assert "for this visit only" in page.locator(".quiz-score").inner_text()
        ours = ("quiz.js", "progress.js", "assessment.js")
        assert [e for e in errors if any(name in e for name in ours)] == []
    finally:
        page.close()


def test_final_shows_questions_and_folded_answers_without_javascript(site_url, course, browser):
    page = browser.new_page()
    page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        page.goto(site_url + "assessment/final/")
        assert page.locator(".assessment-actions").is_hidden(), "the script ran, so this does not test JavaScript off"
        first = attempt(course.final_pool(), course.assessment.final_items, 1, [m.id for m in course.modules])
        shown = page.eval_on_selector_all(".assessment-questions .quiz-item", "items => items.map(i => i.dataset.item)")
        assert shown == first
        assert f"You pass with {course.assessment.pass_mark} %" in page.locator("article").inner_text()
        question = page.locator(f"#final-{first[0]}")
        assert question.locator(".quiz-answer li[data-correct]").first.is_hidden()
        question.locator("summary").focus()
        page.keyboard.press("Enter")
        assert question.locator(".quiz-answer").inner_text().count("(correct)") >= 1 or \
            course.item(first[0]).kind == "matching"
    finally:
        page.close()


def test_no_axe_violation_once_answered_submitted_and_filled_in(site_url, course, fresh_page):
    """The pages' states after a learner acts (results, feedback, progress filled in), in both schemes: the
    scheme changes in place, as the system's does, and the palette follows it (tests/browser/test_palette.py)."""
    from tests.browser.checks import axe_violations, prepare_for_axe, set_scheme

    page = fresh_page
    module = course.modules[0]
    page.emulate_media(color_scheme="light")
    page.goto(url(site_url, module.page))
    for item in course.self_check(module.id)[:4] + course.inline_checks(module.id):
        question = page.locator(f"[data-context] #{'inline' if 'inline' in item.used_in else 'quiz'}-{item.id}")
        answer(page, question, item, right=item.kind != "matching")
        question.locator(".quiz-check").click()
    page.goto(site_url + "assessment/final/")
    for item_id in drawn_ids(page)[:5]:
        answer(page, page.locator(f"#final-{item_id}"), course.item(item_id))
    page.locator(".assessment-submit").click()
    found = {}
    for target in ("assessment/final/", "assessment/progress/", module.page):
        if target != "assessment/final/":
            page.emulate_media(color_scheme="light")
            page.goto(url(site_url, target))
        prepare_for_axe(page)
        for scheme in ("light", "dark"):
            assert set_scheme(page, scheme) == []
            for width in (360, 1280):
                page.set_viewport_size({"width": width, "height": 800})
                violations = axe_violations(page)
                if violations:
                    found[f"{target} ({scheme}, {width})"] = violations
    assert found == {}


def test_answers_saved_before_v2_are_carried_over(site_url, course, fresh_page):
    page = fresh_page
    item = next(i for i in course.self_check(course.modules[0].id) if i.answer is not None)
    page.evaluate(f"localStorage.setItem('leading-and-managing:quiz:v1', JSON.stringify({{'{item.id}': "
                  f"'{item.answer}'}}))")
    page.goto(url(site_url, course.modules[0].page))
    assert page.locator(f"#quiz-{item.id} .quiz-feedback").inner_text().startswith("Correct.")
    assert page.evaluate("localStorage.getItem('leading-and-managing:quiz:v1')") is None
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")["a"] == {item.id: str(item.answer)}


def test_capstone_and_progress_record_print_without_the_site_chrome(site_url, course, fresh_page):
    page = fresh_page
    page.goto(site_url + "assessment/capstone/")
    page.emulate_media(media="print")
    assert page.locator(".capstone-rubric").is_visible() and page.locator(".capstone-checklist").is_visible()
    assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-header").is_hidden()
    assert page.locator(".capstone-rubric td").count() == 16
    page.emulate_media(media="screen")
    page.goto(site_url + "assessment/progress/")
    page.emulate_media(media="print")
    assert page.locator(".progress-record-note").is_visible()
    assert page.locator(".progress-clear").is_hidden() and page.locator(".progress-continue").is_hidden()
