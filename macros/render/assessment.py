"""The assessment pages: pre-test, final, course progress, and the alignment table of the instructors' guide.

Each page works without JavaScript: the questions are plain fieldsets with their answers folded under them
(macros/render/quiz.py), and the text says how to score yourself. docs/assets/javascripts/assessment.js adds
submitting, scoring, the seeded draw of the final and the progress page's figures.
"""

import math

from ..model import Assessment, Module, Objective, QuizItem, Source
from .links import Linker
from .quiz import quiz_item
from .text import attribute, escape

PROGRESS_PAGE = "assessment/progress.md"


def _questions(items: list[QuizItem], context: str, sources: dict[str, Source], link: Linker) -> str:
    return "".join(quiz_item(item, n, len(items), sources, link, context) for n, item in enumerate(items, start=1))


def _submit(label: str) -> str:
    return (f'<div class="assessment-actions" hidden><button type="button" class="md-button md-button--primary '
            f'assessment-submit">{escape(label)}</button></div>'
            '<p class="assessment-status" aria-live="polite"></p>')


def pretest(items: list[QuizItem], modules: list[Module], sources: dict[str, Source], link: Linker) -> str:
    """The pre-test: every pre-test item, a submit button, and a result that suggests where to start."""
    module_links = "".join(
        f'<li data-module="{attribute(m.id)}"><a href="{attribute(link(m.page, None))}">{escape(m.title)}</a>'
        '<span class="assessment-module-score"></span></li>'
        for m in modules
    )
    return (
        f'<div class="quiz assessment" data-context="pretest" data-modules="{attribute(",".join(m.id for m in modules))}">'
        f"{_questions(items, 'pretest', sources, link)}{_submit('See my result')}"
        '<div class="assessment-result" tabindex="-1" hidden><h2 id="your-result">Your result</h2>'
        '<p class="assessment-score"></p><p class="assessment-suggestion"></p>'
        f'<p>Your result by module:</p><ul class="assessment-modules">{module_links}</ul>'
        '<button type="button" class="md-button assessment-again">Take the pre-test again</button></div></div>'
    )


def pass_count(assessment: Assessment) -> int:
    """How many questions of one attempt a learner needs right to pass."""
    return math.ceil(assessment.final_items * assessment.pass_mark / 100)


def final(pool: list[QuizItem], first_attempt: list[QuizItem], assessment: Assessment, modules: list[Module],
          objectives: list[Objective], sources: dict[str, Source], link: Linker) -> str:
    """The final: attempt 1's draw in order, then the rest of the pool folded away for practice.

    The script redraws per attempt from the pool in bank order (`data-pool`; macros/draw.py says how) and
    moves the chosen questions into place."""
    rest = [item for item in pool if item not in first_attempt]
    rows = "".join(
        f'<tr data-objective="{attribute(o.id)}"><th scope="row">{escape(o.text)}</th>'
        '<td class="assessment-objective-score"></td><td class="assessment-objective-verdict"></td></tr>'
        for o in objectives
    )
    extra = (
        '<details class="assessment-extra"><summary>More questions from the bank, for practice '
        f"({len(rest)})</summary>{_questions(rest, 'final', sources, link)}</details>" if rest else ""
    )
    return (
        f'<div class="quiz assessment" data-context="final" data-pass-mark="{assessment.pass_mark}" '
        f'data-draw="{assessment.final_items}" data-modules="{attribute(",".join(m.id for m in modules))}" '
        f'data-pool="{attribute(",".join(i.id for i in pool))}">'
        '<p class="assessment-attempt" hidden></p>'
        f'<div class="assessment-questions">{_questions(first_attempt, "final", sources, link)}</div>'
        f"{extra}{_submit('Submit my answers')}"
        '<div class="assessment-result" tabindex="-1" hidden><h2 id="your-result">Your result</h2>'
        '<p class="assessment-score"></p>'
        '<table class="learning-table assessment-objectives"><caption>Your result for each objective</caption>'
        '<thead><tr><th scope="col">Objective</th><th scope="col">Right</th><th scope="col">Result</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<p>Open each question above to read why each answer is right or wrong.</p>'
        '<button type="button" class="md-button assessment-again">Start a new attempt</button></div></div>'
    )


FINAL_PAGE = "assessment/final.md"


def _key(item: QuizItem) -> str:
    """The right answer of one item in the attributes the script judges by (as under each question)."""
    if item.kind == "matching":
        lines = "".join(f'<li data-premise="{n}" data-correct="{item.choices().index(p.response)}"></li>'
                        for n, p in enumerate(item.pairs))
    else:
        lines = "".join(f'<li data-option="{n}" data-correct></li>' for n in item.correct_options())
    return (f'<div data-item="{attribute(item.id)}" data-kind="{attribute(item.kind)}">'
            f'<ul class="quiz-answer">{lines}</ul></div>')


def progress(modules: list[Module], checks: dict[str, list[QuizItem]], link: Linker) -> str:
    """The progress page's table and comparisons, filled in by the script from this browser's store.

    The page carries the self-checks' answer key (hidden), so it can score saved answers without the questions.
    It is shown from the first paint with every cell at its starting value, so the script changes words, not the
    layout (revealing it late shifted the page: make bench); `needs-script` hides it when scripts are off."""
    key = "".join(_key(item) for items in checks.values() for item in items)
    rows = "".join(
        f'<tr data-module="{attribute(m.id)}" data-items="{attribute(",".join(i.id for i in checks[m.id]))}" '
        f'data-href="{attribute(link(m.page, None))}">'
        f'<th scope="row"><a href="{attribute(link(m.page, None))}">{escape(m.title)}</a></th>'
        '<td class="progress-read">Not yet</td><td class="progress-check">Not started</td>'
        '<td class="progress-score">–</td></tr>'
        for m in modules
    )
    return (
        f'<div class="course-progress needs-script" data-final="{attribute(link(FINAL_PAGE, None))}">'
        f'<div class="progress-key" hidden>{key}</div>'
        '<p class="progress-storage" role="status">Your progress is kept in this browser only.</p>'
        '<p class="progress-continue"><a class="md-button md-button--primary" href="">Continue where you left off</a></p>'
        '<table class="learning-table progress-table"><caption>Your progress by module</caption><thead><tr>'
        '<th scope="col">Module</th><th scope="col">Read to the end</th><th scope="col">Self-check</th>'
        f'<th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table>'
        '<h2 id="pre-test-and-final">Pre-test and final</h2>'
        '<table class="learning-table progress-compare"><caption>Your pre-test and final compared</caption><thead><tr>'
        '<th scope="col">Module</th><th scope="col">Pre-test</th><th scope="col">Final (latest attempt)</th>'
        '</tr></thead><tbody>'
        + "".join(f'<tr data-module="{attribute(m.id)}"><th scope="row">{escape(m.title)}</th>'
                  '<td class="progress-pretest">–</td><td class="progress-final">–</td></tr>' for m in modules)
        + '<tr data-module=""><th scope="row">All modules</th><td class="progress-pretest">–</td>'
        '<td class="progress-final">–</td></tr></tbody></table>'
        '<h2 id="record-of-completion">Record of completion</h2>'
        '<div class="progress-record"><p><label for="progress-name">Your name (optional, kept on this page only)'
        '</label> <input type="text" id="progress-name" autocomplete="name"></p>'
        '<p class="progress-record-text"></p>'
        '<p class="progress-record-note"><strong>This record is self-reported.</strong> It was produced in your own '
        "browser from your own answers; nobody has checked it, and it is not a certificate.</p>"
        '<button type="button" class="md-button progress-print">Print my record</button></div>'
        '<h2 id="clear-your-progress">Clear your progress</h2>'
        '<p>Your progress is kept in this browser only and is never sent anywhere.</p>'
        '<button type="button" class="md-button progress-clear">Clear all my progress</button>'
        '<p class="progress-status" aria-live="polite"></p></div>'
    )


def alignment_table(modules: list[Module], items: list[QuizItem], link: Linker) -> str:
    """Objective × items × level: every objective, the level it is taught at, and the items that test it."""
    rows = []
    for module in modules:
        for objective in module.objectives:
            tested = [i for i in items if i.objective == objective.id]
            cells = ", ".join(
                f'<a href="#key-{attribute(i.id)}"><code>{escape(i.id)}</code></a> ({escape(i.level)})' for i in tested
            )
            rows.append(
                f'<tr id="align-{attribute(objective.id)}" data-objective="{attribute(objective.id)}">'
                f'<td><a href="{attribute(link(module.page, None))}">{escape(module.title)}</a></td>'
                f"<td><code>{escape(objective.id)}</code><br>{escape(objective.text)}</td>"
                f"<td>{escape(objective.level)}</td><td>{len(tested)}</td><td>{cells}</td></tr>"
            )
    return (
        '<div class="answer-key" role="region" aria-label="Alignment of objectives and items" tabindex="0">'
        '<table class="learning-table alignment-table"><caption>Objectives, their level and the items that test '
        'them</caption><thead><tr><th scope="col">Module</th><th scope="col">Objective</th><th scope="col">Level'
        '</th><th scope="col">Items</th><th scope="col">Item ids (level)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def level_summary(items: list[QuizItem], levels: tuple[str, ...]) -> str:
    """How many items the bank holds at each level, and the share above recall."""
    counts = {level: sum(i.level == level for i in items) for level in levels}
    above = sum(counts[level] for level in ("apply", "analyse", "evaluate"))
    parts = ", ".join(f"{escape(level)} {count}" for level, count in counts.items())
    return (f'<p class="alignment-summary">{len(items)} items: {parts}. {above} of {len(items)} '
            f"({round(100 * above / len(items))} %) are at apply or above.</p>")
