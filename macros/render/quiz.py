"""A module's self-check, and the answer key that the instructors' guide prints.

The markup works on its own: every question is a <fieldset> whose answer and explanations
sit in a <details>, so a learner without JavaScript can still choose and then check.
docs/assets/javascripts/quiz.js finds `.quiz` and adds checking, feedback and saved progress.
"""

from ..model import Module, QuizItem, Source
from .links import Linker
from .references import cite
from .text import attribute, escape

KIND_LABELS = {"mcq": "Multiple choice", "classify": "Management, leadership or both?", "true_false": "True or false"}
GUIDE_PAGE = "instructors/guide.md"


def item_anchor(item: QuizItem) -> str:
    return f"quiz-{item.id}"


def _options(item: QuizItem) -> str:
    name = attribute(item_anchor(item))
    return "".join(
        f'<label class="quiz-option"><input type="radio" name="{name}" value="{index}"> '
        f"<span>{escape(option.text)}</span></label>"
        for index, option in enumerate(item.options)
    )


def _explanations(item: QuizItem, sources: dict[str, Source], link: Linker) -> str:
    """The folded answer: which option is right, and why each option is right or wrong."""
    right = item.options[item.answer]
    lines = "".join(
        f'<li data-option="{index}"{" data-correct" if index == item.answer else ""}>'
        f"<strong>{escape(option.text)}</strong> ({'correct' if index == item.answer else 'incorrect'}): "
        f'<span class="quiz-explanation">{escape(option.explanation)}</span></li>'
        for index, option in enumerate(item.options)
    )
    return (
        '<details class="quiz-answer"><summary>Show the answer and explanations</summary>'
        f"<p>Answer: <strong>{escape(right.text)}</strong></p><ul>{lines}</ul>"
        f'<p class="quiz-source">Source: {cite([sources[item.source]], link)}</p></details>'
    )


def quiz_item(item: QuizItem, number: int, total: int, sources: dict[str, Source], link: Linker) -> str:
    """One question. The buttons and the feedback line start hidden: only the script can use them."""
    return (
        f'<fieldset class="quiz-item" id="{attribute(item_anchor(item))}" data-item="{attribute(item.id)}" '
        f'data-kind="{attribute(item.kind)}">'
        f'<legend><span class="quiz-number">Question {number} of {total}</span> '
        f'<span class="quiz-kind">({escape(KIND_LABELS[item.kind])})</span> '
        f'<span class="quiz-prompt">{escape(item.prompt)}</span></legend>'
        f'<div class="quiz-options">{_options(item)}</div>'
        '<div class="quiz-actions" hidden>'
        '<button type="button" class="md-button md-button--primary quiz-check">Check answer</button> '
        '<button type="button" class="md-button quiz-retry" hidden>Try again</button></div>'
        '<p class="quiz-feedback" aria-live="polite"></p>'
        f"{_explanations(item, sources, link)}</fieldset>"
    )


def quiz(module: Module, items: list[QuizItem], sources: dict[str, Source], link: Linker) -> str:
    """A module's self-check: its questions, a score line and a way to clear saved answers."""
    questions = "".join(quiz_item(item, n, len(items), sources, link) for n, item in enumerate(items, start=1))
    return (
        f'<div class="quiz" data-module="{attribute(module.id)}">'
        f'<p class="quiz-intro">{len(items)} questions on {escape(module.title)}. Choose an answer, then check it'
        " or open the answer below the question. Your answers are kept in this browser only.</p>"
        f"{questions}"
        '<div class="quiz-progress" hidden><p class="quiz-score"></p>'
        '<button type="button" class="md-button quiz-clear">Clear my progress</button>'
        '<p class="quiz-status" aria-live="polite"></p></div></div>'
    )


def answer_key(modules: list[Module], items: list[QuizItem], sources: dict[str, Source], link: Linker) -> str:
    """Every self-check question by module, with its answer, the reason and the source."""
    sections = []
    for module in modules:
        rows = "".join(
            f'<tr id="key-{attribute(item.id)}" data-item="{attribute(item.id)}">'
            f"<td>{number}</td><td>{escape(item.prompt)}</td>"
            f"<td><strong>{escape(item.options[item.answer].text)}</strong></td>"
            f"<td>{escape(item.options[item.answer].explanation)}</td>"
            f"<td>{cite([sources[item.source]], link)}</td></tr>"
            for number, item in enumerate((i for i in items if i.module == module.id), start=1)
        )
        href = attribute(link(module.page, "check-your-understanding"))
        sections.append(
            f'### {escape(module.title)}\n\n<p>The self-check on the <a href="{href}">{escape(module.title)}'
            f' page</a>.</p><div class="answer-key" role="region" aria-label="Answer key: {escape(module.title)}"'
            ' tabindex="0"><table class="learning-table"><thead><tr><th scope="col">No.</th><th scope="col">Question</th>'
            '<th scope="col">Answer</th><th scope="col">Why</th><th scope="col">Source</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>\n"
        )
    return "\n".join(sections)
