"""The parts every module shares, so that a learner always knows where they are:
questions and objectives at the top, key points at the end (the Carpentries layout)."""

from ..model import Module
from .links import Linker
from .text import attribute, escape


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def module_overview(module: Module, minutes: int) -> str:
    """The box that opens a module: reading time, the questions it answers, its objectives."""
    return (
        '<div class="module-overview" role="note" aria-label="Module overview">'
        f'<p class="module-reading-time">Reading time: about {minutes} minutes</p>'
        f'<div class="module-questions"><p><strong>Questions</strong></p>{_list(module.questions)}</div>'
        f'<div class="module-objectives"><p><strong>Objectives</strong>: after this module you can</p>'
        f"{_list([o.text for o in module.objectives])}</div></div>"
    )


def key_points(module: Module) -> str:
    """The section that closes a module. A Markdown heading, so it appears in the table of contents."""
    return (f"## Key points\n\n<div class=\"module-key-points\" data-module=\"{attribute(module.id)}\">"
            f"{_list(module.key_points)}</div>\n")


def learning_path(modules: list[Module], minutes: dict[str, int], link: Linker) -> str:
    """The home page's ordered list of modules with summary and reading time."""
    steps = "".join(
        f'<li><a href="{link(m.page, None)}"><strong>{escape(m.title)}</strong></a>'
        f" <span class=\"module-reading-time\">(about {minutes[m.id]} min)</span>"
        f"<br>{escape(m.summary)}</li>"
        for m in modules
    )
    total = sum(minutes[m.id] for m in modules)
    return f'<ol class="learning-path">{steps}</ol><p>Total reading time: about {total} minutes.</p>'
