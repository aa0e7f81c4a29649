"""The SCORM and cmi5 packages played in a real runtime, as an LMS plays them.

SCORM: scorm-again (tests/fixtures/scorm-again/), the runtime LMSs embed, on a harness page that
opens the package's launch file from the unzipped package in a frame; a loopback LMS
(tests/browser/lms_server.py) keeps what the runtime commits and relaunches from it. cmi5: the
same server is the LMS and the LRS, and records the statements the assignable unit sends.

The scenarios use the course as a learner does: they open each module and bring its key points into
view, answer the final's questions and submit it; the course's own scripts (progress.js, quiz.js,
assessment.js) then fire their events and the package's adapter reports them.
"""

import json
import re
import time
import uuid
import zipfile
from urllib.parse import urlencode

import pytest

from macros.lms_hooks import CMI5_ZIP, SCORM12_ZIP, SCORM2004_ZIP
from macros.outputs.cmi5 import au_iri
from tests.browser import lms_server
from tests.browser.conftest import PageWatch

pytestmark = pytest.mark.browser

MODULES = ["management", "leadership", "differences", "conclusion"]
ANSWER = {"item": "fayol-elements", "module": "management", "objective": "management-trace-models", "kind": "mcq",
          "response": "1", "correct": True, "context": "final"}
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
VERB = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(scope="module")
def lms(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("packages")
    packages = {}
    for prefix, name in (("package12", SCORM12_ZIP), ("package2004", SCORM2004_ZIP), ("cmi5", CMI5_ZIP)):
        zipfile.ZipFile(site.root / name).extractall(folder / prefix)
        packages[prefix] = folder / prefix
    state = lms_server.LmsState(packages)
    server, base = lms_server.start(state)
    yield state, base
    server.shutdown()
    server.server_close()


@pytest.fixture
def player(browser, lms):
    state, base = lms
    state.reset()
    page = browser.new_page()
    # Every launch starts from what the LMS holds, never from an earlier test's progress in this browser,
    # and records the module-read events the course fires.
    page.add_init_script("""localStorage.clear(); window.modulesRead = [];
      document.addEventListener("course:module-read", e => window.modulesRead.push(e.detail.module));""")
    watch = PageWatch(page, base)
    yield page, state, base, watch
    page.close()


def launch(page, state, base: str, version: str, api: bool = True):
    page.goto(f"{base}/harness.html?version={version}&learner={state.learner}" + ("" if api else "&api=none"))
    frame = page.wait_for_selector("iframe").content_frame()
    # Every part shows until the adapter has started (so the page works without scripts); the adapter then marks
    # the part it shows as current in the list of parts.
    frame.wait_for_selector(".lms-parts a[aria-current]")
    return frame


def fire(frame, name: str, detail: dict) -> None:
    frame.evaluate("([name, detail]) => document.dispatchEvent(new CustomEvent(name, {detail}))", [name, detail])


def open_part(frame, part: str) -> None:
    """Open a part from the list of parts. The launch page shows it, and bookmarks it, on the hash change that
    follows the click: wait for that, or a test that closes the course at once races it."""
    frame.click(f"nav a[href='#{part}']")
    frame.wait_for_selector(f"#{part}", state="visible")


def read_module(frame, module: str) -> None:
    """Open the module from the list of parts and scroll to its key points, as a learner reads to the end."""
    open_part(frame, f"part-{module}")
    frame.locator(f"#part-{module} .module-key-points").scroll_into_view_if_needed()
    frame.wait_for_function("m => window.modulesRead.includes(m)", arg=module)


def read_all_modules(frame) -> None:
    for module in MODULES:
        read_module(frame, module)


# Chooses, in every question of the final's current attempt, the right answer or the first wrong one,
# as a learner would with the radio buttons, checkboxes and selects.
ANSWER_QUESTIONS = """([part, correctly]) => {
  const shown = [...document.querySelectorAll(`#${part} .assessment .quiz-item`)].filter(item => !item.hidden);
  for (const item of shown) {
    if (item.dataset.kind === "matching") {
      for (const line of item.querySelectorAll(".quiz-answer li[data-premise]")) {
        const select = item.querySelector(`select[data-premise="${line.dataset.premise}"]`);
        const wrong = [...select.options].map(o => o.value).find(v => v !== "" && v !== line.dataset.correct);
        select.value = correctly ? line.dataset.correct : wrong;
      }
      continue;
    }
    const right = [...item.querySelectorAll(".quiz-answer li[data-correct]")].map(line => line.dataset.option);
    const inputs = [...item.querySelectorAll(".quiz-options input")];
    const wrong = inputs.find(input => !right.includes(input.value));
    inputs.forEach(input => { input.checked = correctly ? right.includes(input.value) : input === wrong; });
  }
  return shown.length;
}"""


def take_final(frame, correctly: bool) -> int:
    """Answer every question of the final's attempt and submit it; returns how many it asked."""
    open_part(frame, "part-final")
    asked = frame.evaluate(ANSWER_QUESTIONS, ["part-final", correctly])
    frame.click("#part-final .assessment-submit")
    frame.wait_for_selector("#part-final .assessment-result:not([hidden])")
    return asked


def answer_first_self_check(frame, module: str = "management") -> str:
    """Answer the module's first self-check question rightly and check it; returns the item id."""
    open_part(frame, f"part-{module}")
    item = frame.locator(f"#part-{module} .quiz[data-context='check'] .quiz-item").first
    right = item.locator(".quiz-answer li[data-correct]").first.get_attribute("data-option")
    item.locator(f".quiz-options input[value='{right}']").check()
    item.locator(".quiz-check").click()
    return item.get_attribute("data-item")


def finish(frame) -> None:
    """What happens when the learner closes the course: the page is hidden, then unloaded."""
    frame.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))")


def kept(state, version: str, until) -> dict:
    """The CMI data the LMS kept from the runtime's last commit, once `until` holds for it."""
    deadline = time.monotonic() + 45  # commits are batched and retried; a loaded CI machine is slow
    while time.monotonic() < deadline:
        cmi = (state.kept.get(f"{state.learner}:{version}") or {}).get("cmi")
        if cmi and until(cmi):
            return cmi
        time.sleep(0.1)
    raise AssertionError(f"the LMS never kept what was expected; it has {json.dumps(state.kept)[:2000]}")


def status_12(cmi):
    return cmi["core"]["lesson_status"]


@pytest.mark.parametrize("version", ["12", "2004"])
def test_reading_every_module_and_passing_the_final_is_passed_completed_and_scored(player, version):
    page, state, base, watch = player
    frame = launch(page, state, base, version)
    read_all_modules(frame)
    asked = take_final(frame, correctly=True)
    open_part(frame, "part-leadership")
    assert frame.is_visible("#part-leadership") and not frame.is_visible("#part-management")
    finish(frame)
    if version == "12":
        cmi = kept(state, version, lambda c: status_12(c) == "passed" and c["core"]["lesson_location"] == "part-leadership")
        assert cmi["core"]["score"] == {"raw": "100", "min": "0", "max": "100"}
        assert cmi["core"]["exit"] == "suspend"
        # The runtime's default is 00:00:00; the adapter reports the time the learner spent.
        assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", cmi["core"]["session_time"])
        assert cmi["core"]["session_time"].strip("0:.") != ""
        interactions = list(cmi["interactions"].values())
        assert all(i["result"] == "correct" and i["student_response"] for i in interactions)
        kinds = {i["type"] for i in interactions}
    else:
        cmi = kept(state, version, lambda c: c["success_status"] == "passed" and c["location"] == "part-leadership")
        assert cmi["completion_status"] == "completed"
        assert cmi["score"] == {"raw": str(asked), "min": "0", "max": str(asked), "scaled": "1.0000"}
        assert cmi["progress_measure"] == "1.00"
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?[\d.]+S", cmi["session_time"])
        assert cmi["session_time"] not in ("PT0S", "PT0H0M0S", "PT0.0S", "PT0.00S")
        interactions = list(cmi["interactions"].values())
        assert all(i["result"] == "correct" and i["learner_response"] for i in interactions)
        kinds = {i["type"] for i in interactions}
    assert len(interactions) == asked and kinds <= {"choice", "true-false", "matching"}
    assert all(i["objectives"]["0"]["id"] for i in interactions)
    assert json.loads(cmi["suspend_data"])["read"] == MODULES
    finish(frame)  # a second pagehide (a page restored from the back-forward cache, then left again)
    assert page.evaluate("window.finishCalls") == 1
    assert watch.problems() == {}


@pytest.mark.parametrize("version", ["12", "2004"])
def test_failing_the_final_is_failed(player, version):
    page, state, base, watch = player
    frame = launch(page, state, base, version)
    read_all_modules(frame)
    take_final(frame, correctly=False)
    finish(frame)
    if version == "12":
        cmi = kept(state, version, lambda c: status_12(c) != "incomplete")
        assert (status_12(cmi), cmi["core"]["score"]["raw"]) == ("failed", "0")
        assert {i["result"] for i in cmi["interactions"].values()} == {"wrong"}
    else:
        cmi = kept(state, version, lambda c: c["success_status"] != "unknown")
        assert (cmi["completion_status"], cmi["success_status"], cmi["score"]["raw"]) == ("completed", "failed", "0")
        assert {i["result"] for i in cmi["interactions"].values()} == {"incorrect"}


def test_the_final_without_every_module_read_is_not_yet_complete(player):
    page, state, base, watch = player
    frame = launch(page, state, base, "2004")
    read_module(frame, "management")
    take_final(frame, correctly=True)
    finish(frame)
    cmi = kept(state, "2004", lambda c: c["success_status"] == "passed")
    assert cmi["completion_status"] == "incomplete" and cmi["progress_measure"] == "0.40"


@pytest.mark.parametrize("version", ["12", "2004"])
def test_a_relaunch_resumes_at_the_bookmark_with_the_progress_kept(player, version):
    page, state, base, watch = player
    frame = launch(page, state, base, version)
    for module in MODULES[:2]:
        read_module(frame, module)
    answered = answer_first_self_check(frame)
    open_part(frame, "part-differences")
    finish(frame)
    kept(state, version, lambda c: "part-differences" in json.dumps(c) and answered in c["suspend_data"])
    # The relaunch starts with nothing in this browser's storage (the init script): only what the LMS kept.
    frame = launch(page, state, base, version)
    assert frame.is_visible("#part-differences") and not frame.is_visible("#part-management")
    item = frame.locator(f"#part-management .quiz[data-context='check'] .quiz-item[data-item='{answered}']")
    assert "quiz-item--right" in item.get_attribute("class")
    assert item.locator(".quiz-options input:checked").count() == 1
    # The modules read before still count: two more and the final complete the course.
    for module in MODULES[2:]:
        read_module(frame, module)
    take_final(frame, correctly=True)
    finish(frame)
    if version == "12":
        assert status_12(kept(state, version, lambda c: status_12(c) == "passed")) == "passed"
    else:
        assert kept(state, version, lambda c: c["completion_status"] == "completed")["success_status"] == "passed"
    assert watch.problems() == {}


def longest_response(item) -> str:
    """The longest answer a learner can give to the item, as the course's event contract spells it."""
    if item.kind == "matching":
        return ",".join(f"{p}.{len(item.choices()) - 1}" for p in range(len(item.pairs)))
    if item.kind == "multiple":
        return ",".join(str(n) for n in range(len(item.options)))
    return str(len(item.options) - 1)


def test_the_whole_bank_answered_fits_scorm_1_2_suspend_data(player, course):
    page, state, base, watch = player
    frame = launch(page, state, base, "12")
    answers = {item.id: longest_response(item) for item in course.quiz}
    frame.evaluate("""answers => {
      for (const [item, response] of Object.entries(answers)) window.CourseProgress.answer(item, response);
      const by = {management: [9, 9], leadership: [9, 9], differences: [9, 9], conclusion: [9, 9]};
      window.CourseProgress.setPretest({s: 36, m: 36, by});
      window.CourseProgress.setFinal({s: 24, m: 24, ok: 1, by});
    }""", answers)
    read_all_modules(frame)
    cmi = kept(state, "12", lambda c: len(json.loads(c["suspend_data"] or "{}").get("read", [])) == len(MODULES))
    assert len(cmi["suspend_data"]) <= 4096, len(cmi["suspend_data"])
    assert json.loads(cmi["suspend_data"])["progress"]["a"] == answers


def test_a_failing_commit_is_retried_and_loses_nothing(player):
    page, state, base, watch = player
    frame = launch(page, state, base, "12")
    state.refuse_commits = 2
    read_all_modules(frame)
    answered = answer_first_self_check(frame)
    asked = take_final(frame, correctly=True)
    cmi = kept(state, "12", lambda c: status_12(c) == "passed")
    assert state.refuse_commits == 0, "the adapter gave up before the LMS answered again"
    assert len(cmi["interactions"]) == asked + 1 and cmi["interactions"]["0"]["id"] == answered
    saved = json.loads(cmi["suspend_data"])
    assert saved["final"]["score"] == asked and saved["progress"]["a"][answered]
    # The refused commits were HTTP 500s from the LMS, expected here; nothing else may go wrong.
    assert [f for f in watch.failed if "/lms/commit" not in f] == [] and watch.foreign == []


def test_without_an_lms_the_course_works_and_says_progress_is_not_recorded(player):
    page, state, base, watch = player
    frame = launch(page, state, base, "12", api=False)
    assert "will not be recorded" in frame.inner_text(".lms-status")
    open_part(frame, "part-conclusion")
    assert frame.is_visible("#part-conclusion") and not frame.is_visible("#part-management")
    answered = answer_first_self_check(frame)
    feedback = frame.locator(f"#part-management .quiz[data-context='check'] [data-item='{answered}'] .quiz-feedback")
    assert feedback.inner_text().startswith("Correct.")
    read_all_modules(frame)
    take_final(frame, correctly=True)
    assert "You passed" in frame.inner_text("#part-final .assessment-score")
    finish(frame)
    assert not any(key.startswith(state.learner) for key in state.commits) and watch.problems() == {}


def test_cmi5_unit_sends_the_cmi5_statements_in_order_with_the_context_template(player):
    page, state, base, watch = player
    registration, session = str(uuid.uuid4()), str(uuid.uuid4())
    actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "learner-1"}}
    activity = au_iri("https://leading-and-managing.github.io/course/")
    state.launch_data = {"contextTemplate": {"extensions": {SESSION: session}}, "launchMode": "Normal",
                         "moveOn": "CompletedAndPassed", "masteryScore": 0.8, "launchMethod": "AnyWindow"}
    # The LMS, not the AU, sends "launched", before it opens the AU.
    state.statements.append({"verb": {"id": VERB + "launched"}, "actor": actor, "object": {"id": activity},
                             "context": {"registration": registration, "extensions": {SESSION: session}}})
    query = urlencode({"endpoint": f"{base}/lrs", "fetch": f"{base}/lrs/fetch", "registration": registration,
                       "activityId": activity, "actor": json.dumps(actor)})
    page.goto(f"{base}/cmi5/index.html?{query}")
    page.wait_for_selector(".lms-part:not([hidden])")
    read_all_modules(page)
    asked = take_final(page, correctly=False)
    take_final_again = page.locator("#part-final .assessment-again")
    take_final_again.click()
    take_final(page, correctly=True)
    finish(page)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not any(s["verb"]["id"] == VERB + "terminated" for s in state.statements):
        time.sleep(0.1)
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in state.statements]
    assert verbs[0] == "launched" and verbs[1] == "initialized" and verbs[-1] == "terminated", verbs
    assert verbs.count("passed") == verbs.count("completed") == verbs.count("terminated") == 1, verbs
    assert verbs.count("failed") == 1 and verbs.index("failed") < verbs.index("passed"), verbs
    assert verbs.count("answered") == 2 * asked and verbs.index("answered") < verbs.index("failed")
    for statement in state.statements[1:]:
        assert statement["actor"] == actor
        assert statement["context"]["registration"] == registration
        assert statement["context"]["extensions"][SESSION] == session
        assert statement["_authorization"] == f"Basic {state.auth_token}"
        categories = [c["id"] for c in statement["context"].get("contextActivities", {}).get("category", [])]
        if statement["verb"]["id"] == VERB + "answered":
            assert CMI5 not in categories  # a cmi5 "allowed" statement
            assert statement["object"]["id"].startswith(activity)
            continue
        assert statement["object"]["id"] == activity and CMI5 in categories
    by_verb = {s["verb"]["id"].removeprefix(VERB): s for s in state.statements}
    assert by_verb["passed"]["result"]["score"]["scaled"] == 1
    assert by_verb["failed"]["result"]["score"]["scaled"] == 0 and by_verb["failed"]["result"]["success"] is False
    assert by_verb["passed"]["result"]["success"] is True and MOVEON in [
        c["id"] for c in by_verb["passed"]["context"]["contextActivities"]["category"]]
    assert by_verb["completed"]["result"]["completion"] is True
    assert "duration" in by_verb["terminated"]["result"]
    assert watch.problems() == {}


@pytest.mark.parametrize("scheme, width", [("light", 360), ("dark", 1280)])
def test_the_package_launch_page_has_no_axe_violation(player, scheme, width):
    from tests.browser.checks import axe_violations, prepare_for_axe

    page, state, base, watch = player
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/package2004/index.html#part-differences")
    page.wait_for_selector("#part-differences:not([hidden])")
    prepare_for_axe(page)
    assert axe_violations(page) == []
    assert watch.problems() == {}
