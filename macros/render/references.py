"""Citations in the text and the references list they point to."""

from ..model import Source
from .links import Linker
from .text import attribute, escape

REFERENCES_PAGE = "references.md"


def _cite_link(source: Source, text: str, link: Linker) -> str:
    return f'<a class="citation" href="{attribute(link(REFERENCES_PAGE, source.id))}">{text}</a>'


def cite(sources: list[Source], link: Linker, page: str | None = None) -> str:
    """A parenthetical citation: (Kotter, 1990a; Northouse, 2021), each entry linked; with a page, for a
    quotation from one source: (Burns, 1978, p. 20)."""
    entries = "; ".join(_cite_link(s, f"{escape(s.short)}, {escape(s.year)}", link) for s in sources)
    return f"({entries}, p. {escape(page)})" if page else f"({entries})"


def citet(source: Source, link: Linker) -> str:
    """A narrative citation: Zaleznik (1977), linked."""
    return _cite_link(source, f"{escape(source.short)} ({escape(source.year)})", link)


def _sentence(text: str) -> str:
    return escape(text.rstrip(".")) + "."


def reference_entry(source: Source) -> str:
    """One entry in a common author-date style; titles of books and journals in italics."""
    parts = [f"{escape(source.authors)} ({escape(source.year)})."]
    parts.append(f"<cite>{_sentence(source.title)}</cite>" if source.kind == "book" else _sentence(source.title))
    if source.published_in:
        prefix = "In " if source.kind == "chapter" else ""
        parts.append(f"{prefix}<cite>{_sentence(source.published_in)}</cite>")
    if source.details:
        parts.append(_sentence(source.details))
    if source.doi:
        address = f"https://doi.org/{source.doi}"
        parts.append(f'<a href="{attribute(address)}">{escape(address)}</a>')
    if source.url:
        parts.append(f'<a href="{attribute(source.url)}">{escape(source.url)}</a>')
    return " ".join(parts)


def references_list(sources: list[Source]) -> str:
    """The references page: every source, sorted by author and year, each with a stable anchor."""
    ordered = sorted(sources, key=lambda s: (s.authors.lower(), s.year))
    items = "".join(f'<li id="{attribute(s.id)}">{reference_entry(s)}</li>' for s in ordered)
    return f'<ul class="references">{items}</ul>'
