"""Questions of the item bank as the pages ask them, and the answer key of the instructors' guide.

The markup works on its own: every question is a <fieldset> whose answer and explanations sit in a
<details>, so a learner without JavaScript can still answer and then check. docs/assets/javascripts/quiz.js
finds `.quiz` blocks and adds checking, feedback in a live region, scoring and the course's events.

One function renders a question for every context (a module's end-of-page check, a pause-and-check in
the text, the pre-test, the final), so a question looks and behaves the same wherever it is asked.
"""

from ..model import Module, QuizItem, Source
from .links import Linker
from .references import cite
from .text import attribute, escape

KIND_LABELS = {
    "mcq": "Multiple choice",
    "classify": "Classify the situation",
    "true_false": "True or false",
    "multiple": "Choose all that apply",
    "matching": "Matching",
}
GUIDE_PAGE = "instructors/guide.md"


def item_anchor(item: QuizItem, context: str = "check") -> str:
    """The question's id on its page. Only the end-of-page check keeps the plain `quiz-<id>` anchor that
    older links point to; other contexts prefix theirs, so one item can appear in two places."""
    return f"quiz-{item.id}" if context == "check" else f"{context}-{item.id}"


def _options(item: QuizItem, anchor: str) -> str:
    if item.kind == "matching":
        choices = "".join(f'<option value="{index}">{escape(choice)}</option>'
                          for index, choice in enumerate(item.choices()))
        rows = "".join(
            f'<div class="quiz-match"><label for="{attribute(anchor)}-{index}">{escape(pair.premise)}</label> '
            f'<select id="{attribute(anchor)}-{index}" data-premise="{index}">'
            f'<option value="">Choose…</option>{choices}</select></div>'
            for index, pair in enumerate(item.pairs)
        )
        return rows
    kind = "checkbox" if item.kind == "multiple" else "radio"
    return "".join(
        f'<label class="quiz-option"><input type="{kind}" name="{attribute(anchor)}" value="{index}"> '
        f"<span>{escape(option.text)}</span></label>"
        for index, option in enumerate(item.options)
    )


def correct_text(item: QuizItem) -> str:
    """The right answer in words: one option, every right option, or each premise with its response."""
    if item.kind == "matching":
        return "; ".join(f"{pair.premise} → {pair.response}" for pair in item.pairs)
    return "; ".join(item.options[index].text for index in item.correct_options())


def _explanations(item: QuizItem, sources: dict[str, Source], link: Linker) -> str:
    """The folded answer: what is right, and why each option (or each pairing) is right or wrong."""
    if item.kind == "matching":
        lines = "".join(
            f'<li data-premise="{index}" data-correct="{item.choices().index(pair.response)}">'
            f"<strong>{escape(pair.premise)}</strong> → <strong>{escape(pair.response)}</strong>: "
            f'<span class="quiz-explanation">{escape(pair.explanation)}</span></li>'
            for index, pair in enumerate(item.pairs)
        )
        if item.distractors:
            unused = ", ".join(escape(d) for d in item.distractors)
            lines += f"<li>Not used: {unused}.</li>"
        answer = f"<p>Each row with its right match:</p><ul>{lines}</ul>"
    else:
        right = item.correct_options()
        lines = "".join(
            f'<li data-option="{index}"{" data-correct" if index in right else ""}>'
            f"<strong>{escape(option.text)}</strong> ({'correct' if index in right else 'incorrect'}): "
            f'<span class="quiz-explanation">{escape(option.explanation)}</span></li>'
            for index, option in enumerate(item.options)
        )
        label = "Answers" if item.kind == "multiple" else "Answer"
        answer = f"<p>{label}: <strong>{escape(correct_text(item))}</strong></p><ul>{lines}</ul>"
    return (
        '<details class="quiz-answer"><summary>Show the answer and explanations</summary>'
        f'{answer}<p class="quiz-source">Source: {cite([sources[item.source]], link)}</p></details>'
    )


def quiz_item(item: QuizItem, number: int, total: int, sources: dict[str, Source], link: Linker,
              context: str = "check", review_of: Module | None = None) -> str:
    """One question. The buttons and the feedback line start hidden: only the script can use them."""
    anchor = item_anchor(item, context)
    review = (f' <span class="quiz-review">(Review from {escape(review_of.title)})</span>'
              if review_of is not None else "")
    return (
        f'<fieldset class="quiz-item" id="{attribute(anchor)}" data-item="{attribute(item.id)}" '
        f'data-kind="{attribute(item.kind)}" data-module="{attribute(item.module)}" '
        f'data-objective="{attribute(item.objective)}" data-level="{attribute(item.level)}">'
        f'<legend><span class="quiz-number">Question {number} of {total}</span>{review} '
        f'<span class="quiz-kind">({escape(KIND_LABELS[item.kind])})</span> '
        f'<span class="quiz-prompt">{escape(item.prompt)}</span></legend>'
        f'<div class="quiz-options">{_options(item, anchor)}</div>'
        '<div class="quiz-actions" hidden>'
        '<button type="button" class="md-button md-button--primary quiz-check">Check answer</button> '
        '<button type="button" class="md-button quiz-retry" hidden>Try again</button></div>'
        '<p class="quiz-feedback" aria-live="polite"></p>'
        f"{_explanations(item, sources, link)}</fieldset>"
    )


def quiz(module: Module, items: list[QuizItem], sources: dict[str, Source], link: Linker,
         modules: dict[str, Module] | None = None) -> str:
    """A module's end-of-page check: its own questions, then review questions from earlier modules."""
    modules = modules or {}
    questions = "".join(
        quiz_item(item, n, len(items), sources, link, "check",
                  modules.get(item.module) if item.module != module.id else None)
        for n, item in enumerate(items, start=1)
    )
    reviews = sum(item.module != module.id for item in items)
    review_note = (f" The last {reviews} revisit earlier modules, because recalling an idea again after a"
                   " gap helps it stick." if reviews else "")
    return (
        f'<div class="quiz" data-module="{attribute(module.id)}" data-context="check">'
        f'<p class="quiz-intro">{len(items)} questions on {escape(module.title)}.{review_note} Answer, then'
        " check it or open the answer below the question. Your answers are kept in this browser only.</p>"
        f"{questions}"
        '<div class="quiz-progress" hidden><p class="quiz-score"></p>'
        '<button type="button" class="md-button quiz-clear">Clear my answers</button>'
        '<p class="quiz-status" aria-live="polite"></p></div></div>'
    )


def inline_check(item: QuizItem, sources: dict[str, Source], link: Linker) -> str:
    """A pause-and-check question inside the text, next to the idea it tests."""
    return (
        f'<div class="quiz quiz-inline" data-module="{attribute(item.module)}" data-context="inline">'
        '<p class="quiz-inline-title"><strong>Pause and check</strong></p>'
        f"{quiz_item(item, 1, 1, sources, link, 'inline')}</div>"
    )


def _answer_cell(item: QuizItem) -> str:
    if item.kind == "matching":
        return "<ul>" + "".join(f"<li>{escape(p.premise)} → <strong>{escape(p.response)}</strong></li>"
                                for p in item.pairs) + "</ul>"
    return "<br>".join(f"<strong>{escape(item.options[i].text)}</strong>" for i in item.correct_options())


def _why_cell(item: QuizItem) -> str:
    if item.kind == "matching":
        return " ".join(escape(p.explanation) for p in item.pairs)
    return " ".join(escape(item.options[i].explanation) for i in item.correct_options())


USE_LABELS = {"check": "end-of-page check", "inline": "in the text", "pretest": "pre-test", "final": "final"}


def answer_key(modules: list[Module], items: list[QuizItem], sources: dict[str, Source], link: Linker) -> str:
    """Every question of the bank by module, with its objective, level, answer, the reason and the source."""
    sections = []
    for module in modules:
        rows = "".join(
            f'<tr id="key-{attribute(item.id)}" data-item="{attribute(item.id)}">'
            f"<td>{number}</td><td>{escape(item.prompt)}</td>"
            f"<td>{_answer_cell(item)}</td><td>{_why_cell(item)}</td>"
            f'<td><code>{escape(item.objective)}</code><br>{escape(item.level)}</td>'
            f"<td>{escape(', '.join(USE_LABELS[use] for use in item.used_in))}</td>"
            f"<td>{cite([sources[item.source]], link)}</td></tr>"
            for number, item in enumerate((i for i in items if i.module == module.id), start=1)
        )
        href = attribute(link(module.page, "check-your-understanding"))
        sections.append(
            f'### {escape(module.title)}\n\n<p>The questions of the <a href="{href}">{escape(module.title)}'
            f' module</a>.</p><div class="answer-key" role="region" aria-label="Answer key: {escape(module.title)}"'
            ' tabindex="0"><table class="learning-table"><thead><tr><th scope="col">No.</th>'
            '<th scope="col">Question</th><th scope="col">Answer</th><th scope="col">Why</th>'
            '<th scope="col">Objective and level</th><th scope="col">Used in</th><th scope="col">Source</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div>\n"
        )
    return "\n".join(sections)
