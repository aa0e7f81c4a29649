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


def sort_key(dimensions: list[Dimension], columns: list[str]) -> str:
    """Which column each card came from, and the comparison row it belongs to."""
    rows = "".join(
        f"<tr><td>{number}</td><td>{escape(side.capitalize())}</td><td>{escape(d.name)}</td></tr>"
        for number, (d, side) in enumerate(_cards(dimensions), start=1)
    )
    return (
        '<div class="sort-key" role="region" aria-label="Card sort key" tabindex="0"><table class="learning-table">'
        f"<caption>Key to the cards. The sources place each card in one column; groups that chose "
        f"{escape(columns[-1])} should say which side of the row it came from and why they see both in it.</caption>"
        '<thead><tr><th scope="col">Card</th><th scope="col">Column in the sources</th>'
        f'<th scope="col">Row of the comparison</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )
