"""The glossary page."""

from ..model import Dimension, Source, Term
from .links import Linker
from .references import cite
from .tables import DIFFERENCES_PAGE, dimension_anchor
from .text import attribute, escape


def glossary_list(terms: list[Term], sources: dict[str, Source], dimensions: dict[str, Dimension],
                  link: Linker) -> str:
    """Every term, alphabetically, with its definition, its source and the dimensions it relates to."""
    entries = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        related = ""
        if term.dimensions:
            names = ", ".join(
                f'<a href="{attribute(link(DIFFERENCES_PAGE, dimension_anchor(dimensions[d])))}">'
                f"{escape(dimensions[d].name)}</a>"
                for d in term.dimensions
            )
            related = f'<br><span class="glossary-related">Related: {names}</span>'
        entries.append(
            f'<dt id="{attribute(term.id)}">{escape(term.term)}</dt>'
            f"<dd>{escape(term.definition)} {cite([sources[term.source]], link)}{related}</dd>"
        )
    return f'<dl class="glossary">{"".join(entries)}</dl>'
