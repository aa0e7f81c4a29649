"""The printable cards of the manager-versus-leader card sort, generated from the comparison's dimensions."""

import hashlib

from ..model import Dimension
from .text import attribute, escape

SIDES = ("management", "leadership")


def _cards(dimensions: list[Dimension]) -> list[tuple[Dimension, str]]:
    """Each side of each dimension is one card. The order is mixed so that a row's two sides do not
    sit next to each other, and fixed (a hash, not a random shuffle) so that the printed numbers
    always match the key."""
    cards = [(d, side) for d in dimensions for side in SIDES]
    return sorted(cards, key=lambda card: hashlib.sha256(f"{card[0].id}:{card[1]}".encode()).hexdigest())


def sort_cards(dimensions: list[Dimension]) -> str:
    """The cards to print and cut out: a number and one side's text, nothing that gives the answer away."""
    cards = "".join(
        f'<li class="sort-card" data-dimension="{attribute(d.id)}" data-side="{side}">'
        f'<span class="sort-card-number">{number}</span> {escape(getattr(d, side))}</li>'
        for number, (d, side) in enumerate(_cards(dimensions), start=1)
    )
    return f'<ol class="sort-cards">{cards}</ol>'


def key_column(dimension: Dimension, side: str, columns: list[str]) -> str:
    """Where a card belongs: its own side's column, or the last column ("Both") where the data records an
    overlap between the row's two sides."""
    own = side.capitalize()
    return f"{columns[-1]} ({own.lower()} side)" if dimension.overlap else own


def sort_key(dimensions: list[Dimension], columns: list[str]) -> str:
    """Which column each card belongs in, the comparison row it comes from and, for the overlapping rows,
    where the sources say the two sides meet."""
    rows = "".join(
        f"<tr><td>{number}</td><td>{escape(key_column(d, side, columns))}</td><td>{escape(d.name)}</td>"
        f"<td>{escape(d.overlap) if d.overlap else ''}</td></tr>"
        for number, (d, side) in enumerate(_cards(dimensions), start=1)
    )
    return (
        '<div class="sort-key" role="region" aria-label="Card sort key" tabindex="0"><table class="learning-table">'
        f"<caption>Key to the cards. Most cards belong in the column of their side of the row. Where the sources "
        f"show the two sides of a row meeting, both of its cards belong in {escape(columns[-1])}, and the last "
        "column says why; groups that chose differently should explain their reasons.</caption>"
        '<thead><tr><th scope="col">Card</th><th scope="col">Column</th>'
        '<th scope="col">Row of the comparison</th><th scope="col">Where the two sides meet</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
