"""The one-page handout: the whole comparison, compact enough to print on one A4 or Letter page."""

from ..model import Dimension, EvidenceLabel, Group, Source
from .text import attribute, escape


def _sources(dimension: Dimension, sources: dict[str, Source]) -> str:
    # Plain text, not links: on paper a link is noise, and the full references are one click away online.
    return "; ".join(f"{escape(sources[i].short)} {escape(sources[i].year)}" for i in dimension.sources)


def handout(groups: list[Group], dimensions: list[Dimension], sources: dict[str, Source],
            labels: list[EvidenceLabel], site_url: str) -> str:
    """Every dimension, group by group, with management and leadership side by side, the evidence label
    and the sources."""
    names = {label.id: label.name for label in labels}
    bodies = []
    for group in groups:
        rows = "".join(
            f'<tr data-dimension="{attribute(d.id)}"><th scope="row">{escape(d.name)}'
            # The label sits under the name, not in a column of its own, so that the page still fits on one sheet.
            f'<span class="handout-evidence" data-evidence="{attribute(d.evidence.label)}">'
            f"{escape(names[d.evidence.label])}</span></th>"
            f"<td>{escape(d.management)}</td><td>{escape(d.leadership)}</td>"
            f'<td class="handout-sources">{_sources(d, sources)}</td></tr>'
            for d in dimensions if d.group == group.id
        )
        bodies.append(f'<tbody><tr class="handout-group"><th scope="rowgroup" colspan="4">{escape(group.title)}'
                      f"</th></tr>{rows}</tbody>")
    legend = "; ".join(f"<strong>{escape(label.name)}</strong>: {escape(label.short)}" for label in labels)
    return (
        # A box that scrolls sideways on a phone must be reachable by keyboard to be scrolled (WCAG 2.1.1).
        '<div class="handout" tabindex="0" role="region" aria-label="Handout: the differences at a glance">'
        '<table class="learning-table handout-table"><thead><tr><th scope="col">Dimension and evidence</th>'
        '<th scope="col">Management</th><th scope="col">Leadership</th>'
        f'<th scope="col">Sources</th></tr></thead>{"".join(bodies)}</table>'
        '<p class="handout-footer">Evidence under each dimension: '
        f"{legend}. The differences are tendencies of two kinds of work, not labels for people; "
        "most people do both. Full course, references and activities: "
        f"{escape(site_url)} (CC BY 4.0).</p></div>"
    )
