"""Written practice: a module's extended worked case, the rubric and model answer of its reflection, the capstone."""

from ..model import Capstone, ModuleActivities, ReflectionRubric, RubricCriterion, Source, WorkedCase
from .links import Linker
from .references import cite
from .text import attribute, escape


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def rubric_table(criteria: list[RubricCriterion], levels: list[str], caption: str, css: str = "") -> str:
    """Criteria down the side, levels across the top, lowest first."""
    head = "".join(f'<th scope="col">{escape(level)}</th>' for level in levels)
    rows = "".join(
        f'<tr><th scope="row">{escape(c.name)}</th>' + "".join(f"<td>{escape(t)}</td>" for t in c.levels) + "</tr>"
        for c in criteria
    )
    return (
        f'<div class="rubric{" " + css if css else ""}" role="region" aria-label="{escape(caption)}" tabindex="0">'
        f'<table class="learning-table"><caption>{escape(caption)}</caption><thead><tr><th scope="col">Criterion</th>'
        f"{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def worked_case(case: WorkedCase, sources: dict[str, Source], link: Linker) -> str:
    """The case, then each step of the analysis as a numbered list, then the takeaway."""
    steps = "".join(
        f'<li><p><strong>{escape(step.title)}.</strong> {escape(step.text)}</p></li>' for step in case.steps
    )
    return (
        f'<div class="worked-case" id="worked-{attribute(case.id)}">'
        f'<p class="worked-case-title"><strong>Worked case: {escape(case.title)}</strong></p>'
        f'<div class="worked-case-situation">{_paragraphs(case.situation)}</div>'
        f'<p><strong>The analysis, step by step</strong></p><ol class="worked-case-steps">{steps}</ol>'
        f'<p class="worked-case-takeaway"><strong>Takeaway</strong>: {escape(case.takeaway)}</p>'
        f'<p class="worked-case-sources">Sources: {cite([sources[s] for s in case.sources], link)}. '
        "The organisation and the people in it are fictional.</p></div>"
    )


def reflection_rubric(rubric: ReflectionRubric, entry: ModuleActivities, levels: list[str]) -> str:
    """The rubric for the module's reflection, and a model answer folded away."""
    question = entry.reflection[rubric.prompt].text
    return (
        f'<div class="reflection-rubric" id="rubric-{attribute(rubric.module)}">'
        f"<p><strong>How a reflection is judged</strong>. Use this rubric to judge your own answer to the "
        f"reflection questions, or a peer's. The model answer below responds to the question: "
        f"<em>{escape(question)}</em></p>"
        f"{rubric_table(rubric.criteria, levels, 'Rubric for the reflection')}"
        '<details class="activity-model-answer"><summary>Show a model answer</summary>'
        f"{_paragraphs(rubric.model_answer)}<p>It would reach the top level on most criteria: check which, "
        "and why.</p></details></div>"
    )


def capstone_brief(capstone: Capstone) -> str:
    return f'<div class="capstone-brief">{_paragraphs(capstone.brief)}</div>'


def capstone_task(capstone: Capstone) -> str:
    opening, *parts = capstone.task
    items = "".join(f"<li>{escape(part)}</li>" for part in parts)
    return f'<div class="capstone-task"><p>{escape(opening)}</p><ol>{items}</ol></div>'


def capstone_rubric(capstone: Capstone, levels: list[str]) -> str:
    return rubric_table(capstone.criteria, levels, "Instructors' rubric for the capstone", "capstone-rubric")


def capstone_checklist(capstone: Capstone) -> str:
    """Checkboxes a learner can tick on screen or on paper; nothing is stored or sent."""
    items = "".join(
        f'<li><input type="checkbox" id="capstone-check-{n}"> <label for="capstone-check-{n}">{escape(text)}</label></li>'
        for n, text in enumerate(capstone.checklist, start=1)
    )
    return f'<ul class="capstone-checklist">{items}</ul>'


def capstone_sources(capstone: Capstone, sources: dict[str, Source], link: Linker) -> str:
    return f"<p>Sources the brief and rubric draw on: {cite([sources[s] for s in capstone.sources], link)}.</p>"
