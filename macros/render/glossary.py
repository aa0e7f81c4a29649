"""The glossary page, and the links and tooltips that explain its terms on every other page."""

import html as html_lib
import re

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


GLOSSARY_PAGE = "glossary.md"


def term_spellings(term: Term) -> list[str]:
    """How a term may appear in running text: as written, and lower-cased unless it is an acronym."""
    lower = term.term[0].lower() + term.term[1:]
    return [term.term] if term.term.isupper() or lower == term.term else [term.term, lower]


def abbreviations(terms: list[Term]) -> str:
    """Python-Markdown `abbr` definitions for every term, to append to a page's Markdown.

    The abbr extension places the definition in a title attribute and escapes it there, so a
    definition can never become markup; newlines are flattened because a definition is one line.
    """
    lines = [f"*[{spelling}]: {' '.join(term.definition.split())}"
             for term in terms for spelling in term_spellings(term)]
    return "\n\n" + "\n".join(lines) + "\n"


# The abbr extension's output, and the tags inside which a glossary link must not go: a link
# cannot hold another link, a heading's text also names the page in the table of contents, and
# code (file paths, commands) is meant literally.
_TOKENS = re.compile(r'<abbr title="[^"]*">(?P<text>[^<]*)</abbr>'
                     r'|<(?P<close>/?)(?P<tag>a|h[1-6]|code|pre|kbd|samp)\b[^>]*>')
# A term that is part of a file path or name, as "leadership" in docs/leadership/index.md.
_PATH_BEFORE = re.compile(r"[\w.-]/$")
_PATH_AFTER = re.compile(r"^(?:/|\.\w)")


def link_terms(html: str, terms: list[Term], link: Linker) -> str:
    """Turn the first use of each term on a page into a link to its glossary entry, with the
    definition as its title, which Material shows as a tooltip on hover and on keyboard focus.

    Later uses keep their <abbr> (a tooltip on hover) so that a page does not gain a tab stop
    for every repetition of a common word; uses inside headings lose it.
    """
    by_spelling = {spelling: term for term in terms for spelling in term_spellings(term)}
    linked: set[str] = set()
    open_tags = {"a": 0, "h": 0, "code": 0}

    def replace(match: re.Match) -> str:
        if match.group("tag"):
            tag = match.group("tag")
            kind = "a" if tag == "a" else "h" if tag[0] == "h" else "code"
            open_tags[kind] = max(0, open_tags[kind] + (-1 if match.group("close") else 1))
            return match.group(0)
        term = by_spelling.get(html_lib.unescape(match.group("text")))
        if term is None or open_tags["a"]:
            return match.group(0)
        in_path = _PATH_BEFORE.search(html[max(0, match.start() - 2):match.start()]) or \
            _PATH_AFTER.match(html[match.end():match.end() + 2])
        if open_tags["h"] or open_tags["code"] or in_path:
            return match.group("text")
        if term.id in linked:
            return match.group(0)
        linked.add(term.id)
        return (f'<a class="glossary-term" href="{attribute(link(GLOSSARY_PAGE, term.id))}" '
                f'title="{escape(term.definition)}">{match.group("text")}</a>')

    return _TOKENS.sub(replace, html)
