"""The comparison, as a table of many dimensions or as the card of one."""

from ..model import Dimension, EvidenceLabel, Group, Source
from .links import Linker
from .references import cite
from .text import attribute, escape

DIFFERENCES_PAGE = "differences/index.md"
COLUMNS = ("Dimension", "Management", "Leadership", "Sources")


def dimension_anchor(dimension: Dimension) -> str:
    """The stable anchor of a dimension's row in the full table on the differences page."""
    return f"dimension-{dimension.id}"


def evidence_line(dimension: Dimension, labels: dict[str, EvidenceLabel]) -> str:
    """The row's evidence label and the one-line basis for it."""
    label = labels[dimension.evidence.label]
    return (f'<p class="dimension-evidence" data-evidence="{attribute(label.id)}">'
            f'<span class="evidence-label">Evidence: {escape(label.name.lower())}.</span> '
            f"{escape(dimension.evidence.basis)}</p>")


def evidence_legend(labels: list[EvidenceLabel]) -> str:
    """What each evidence label means: shown under every table and card that carries the labels."""
    entries = "".join(f"<dt>{escape(label.name)}</dt><dd>{escape(label.meaning)}</dd>" for label in labels)
    return (f'<div class="evidence-legend"><p class="evidence-legend-title"><strong>Evidence labels</strong></p>'
            f"<dl>{entries}</dl></div>")


def _row(dimension: Dimension, sources: dict[str, Source], labels: dict[str, EvidenceLabel], link: Linker,
         anchored: bool) -> str:
    row_id = f' id="{attribute(dimension_anchor(dimension))}"' if anchored else ""
    name = escape(dimension.name)
    if not anchored:
        name = f'<a href="{attribute(link(DIFFERENCES_PAGE, dimension_anchor(dimension)))}">{name}</a>'
    note = f'<p class="dimension-note">{escape(dimension.note)}</p>' if dimension.note else ""
    return (
        f'<tr{row_id} data-dimension="{attribute(dimension.id)}">'
        f'<th scope="row">{name}{note}{evidence_line(dimension, labels)}</th>'
        f"<td>{escape(dimension.management)}</td>"
        f"<td>{escape(dimension.leadership)}</td>"
        f"<td>{cite([sources[i] for i in dimension.sources], link)}</td></tr>"
    )


def comparison_table(groups: list[Group], dimensions: list[Dimension], sources: dict[str, Source],
                     labels: list[EvidenceLabel], link: Linker, caption: str, anchored: bool) -> str:
    """A table of the dimensions of the given groups, one body per group.

    `anchored` gives each row the dimension's stable id: true only for the one full
    table on the differences page.
    """
    head = "".join(f'<th scope="col">{column}</th>' for column in COLUMNS)
    bodies = []
    for group in groups:
        by_id = {label.id: label for label in labels}
        rows = [_row(d, sources, by_id, link, anchored) for d in dimensions if d.group == group.id]
        heading = ""
        if len(groups) > 1:
            heading = f'<tr class="group-heading"><th scope="rowgroup" colspan="{len(COLUMNS)}">{escape(group.title)}</th></tr>'
        bodies.append(f'<tbody data-group="{attribute(group.id)}">{heading}{"".join(rows)}</tbody>')
    return (
        f'<div class="comparison-table" role="region" aria-label="{escape(caption)}" tabindex="0">'
        f"<table class=\"comparison\"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f'{"".join(bodies)}</table>{evidence_legend(labels)}</div>'
    )


def dimension_card(dimension: Dimension, sources: dict[str, Source], labels: list[EvidenceLabel],
                   link: Linker) -> str:
    """One dimension as a card: its name, both sides, its note, its evidence label and its sources."""
    note = f'<p class="dimension-note">{escape(dimension.note)}</p>' if dimension.note else ""
    full_row = link(DIFFERENCES_PAGE, dimension_anchor(dimension))
    evidence = evidence_line(dimension, {label.id: label for label in labels})
    return (
        f'<div class="dimension-card" id="card-{attribute(dimension.id)}" data-dimension="{attribute(dimension.id)}">'
        f'<p class="dimension-card-title"><strong>{escape(dimension.name)}</strong></p>'
        f'<dl><dt>Management</dt><dd>{escape(dimension.management)}</dd>'
        f"<dt>Leadership</dt><dd>{escape(dimension.leadership)}</dd></dl>"
        f'{note}{evidence}<p class="dimension-sources">Sources: {cite([sources[i] for i in dimension.sources], link)} · '
        f'<a href="{attribute(full_row)}">See it in the full comparison</a></p></div>'
    )
