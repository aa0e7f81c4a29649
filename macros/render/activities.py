"""Activities at the end of each module, and the parts of the instructors' guide built from the same data."""

from ..model import ActivityFormat, Dimension, LessonPlan, Misconception, Module, ModuleActivities, Prompt, Source
from .links import Linker
from .references import cite
from .tables import DIFFERENCES_PAGE, dimension_anchor
from .text import attribute, escape


def _cited(text: str, source_ids: list[str], sources: dict[str, Source], link: Linker) -> str:
    citation = f" {cite([sources[i] for i in source_ids], link)}" if source_ids else ""
    return f"{escape(text)}{citation}"


def _prompts(prompts: list[Prompt], sources: dict[str, Source], link: Linker) -> str:
    return "<ol>" + "".join(f"<li>{_cited(p.text, p.sources, sources, link)}</li>" for p in prompts) + "</ol>"


def activities(entry: ModuleActivities, dimensions: dict[str, Dimension], sources: dict[str, Source],
               link: Linker) -> str:
    """Scenario cases (model answers folded away), then reflection questions and discussion prompts."""
    cases = []
    for scenario in entry.scenarios:
        tasks = "".join(f"<li>{escape(task)}</li>" for task in scenario.tasks)
        rows = ", ".join(
            f'<a href="{attribute(link(DIFFERENCES_PAGE, dimension_anchor(dimensions[d])))}">'
            f"{escape(dimensions[d].name)}</a>"
            for d in scenario.dimensions
        )
        related = f'<p class="activity-related">Rows of the comparison: {rows}</p>' if rows else ""
        cases.append(
            f'<div class="activity-case" id="case-{attribute(scenario.id)}">'
            f'<p class="activity-case-title"><strong>Case: {escape(scenario.title)}</strong></p>'
            f"<p>{escape(scenario.situation)}</p><ol>{tasks}</ol>"
            "<details class=\"activity-model-answer\"><summary>Show a model answer</summary>"
            f"<p>{_cited(scenario.model_answer, scenario.sources, sources, link)}</p>{related}</details></div>"
        )
    return (
        f'<div class="activities" data-module="{attribute(entry.module)}">{"".join(cases)}'
        f'<p class="activity-heading"><strong>Reflection questions</strong></p>{_prompts(entry.reflection, sources, link)}'
        f'<p class="activity-heading"><strong>Discussion prompts</strong></p>{_prompts(entry.discussion, sources, link)}'
        "</div>"
    )


def learning_outcomes(modules: list[Module], link: Linker) -> str:
    """The course's learning outcomes: every module's objectives, under a link to the module."""
    parts = []
    for module in modules:
        objectives = "".join(f"<li>{escape(o.text)}</li>" for o in module.objectives)
        parts.append(f'<li><a href="{attribute(link(module.page, None))}">{escape(module.title)}</a>'
                     f"<ul>{objectives}</ul></li>")
    return f'<ol class="learning-outcomes">{"".join(parts)}</ol>'


def lesson_plan(plan: LessonPlan, formats: dict[str, ActivityFormat]) -> str:
    """A timed plan: start time, minutes and what happens, with a link to how to run each activity."""
    rows, start = [], 0
    for step in plan.steps:
        how = ""
        if step.format:
            how = f' (<a href="#format-{attribute(step.format)}">how to run it</a>)'
        rows.append(f"<tr><td>{start}–{start + step.minutes}</td><td>{step.minutes}</td>"
                    f"<td>{escape(step.activity)}{how}</td></tr>")
        start += step.minutes
    return (
        f'<div class="lesson-plan" id="plan-{attribute(plan.id)}"><table class="learning-table">'
        f"<caption>{escape(plan.title)} ({plan.minutes} minutes in all)</caption>"
        '<thead><tr><th scope="col">Minutes from start</th><th scope="col">Length</th>'
        f'<th scope="col">Activity</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def activity_formats(formats: list[ActivityFormat], modules: dict[str, Module], sources: dict[str, Source],
                     link: Linker) -> str:
    """How to run each kind of activity: time, the modules it suits, the steps and its sources."""
    parts = []
    for activity in formats:
        suits = ", ".join(f'<a href="{attribute(link(modules[m].page, None))}">{escape(modules[m].title)}</a>'
                          for m in activity.modules)
        steps = "".join(f"<li>{escape(step)}</li>" for step in activity.steps)
        parts.append(
            f'<div class="activity-format" id="format-{attribute(activity.id)}">'
            f'<p class="activity-format-title"><strong>{escape(activity.title)}</strong></p>'
            f"<p>About {activity.minutes} minutes. Suits: {suits}. "
            f"Based on {cite([sources[i] for i in activity.sources], link)}.</p><ol>{steps}</ol></div>"
        )
    return "".join(parts)


def misconceptions(items: list[Misconception], sources: dict[str, Source], link: Linker) -> str:
    """Common misconceptions, each with a correction and its sources."""
    rows = "".join(
        f'<tr id="misconception-{attribute(m.id)}"><td>{escape(m.misconception)}</td>'
        f"<td>{_cited(m.correction, m.sources, sources, link)}</td></tr>"
        for m in items
    )
    return (
        '<div class="misconceptions" role="region" aria-label="Common misconceptions" tabindex="0"><table class="learning-table">'
        '<thead><tr><th scope="col">Misconception</th><th scope="col">Correction</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
