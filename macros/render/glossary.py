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


# The abbr extension's output, and the tags inside which a term is never linked: a link cannot hold another link,
# a heading's text also names the page in the table of contents, code and samples are shown as typed, and an error
# box (the `failure` admonition of macros/errors.py) quotes file paths.
_TOKENS = re.compile(r'<abbr title="[^"]*">(?P<text>[^<]*)</abbr>'
                     r'|<(?P<close>/?)(?P<tag>a|h[1-6]|code|pre|kbd|samp|div)\b(?P<attributes>[^>]*)>')
_KIND = {"a": "link", "code": "code", "pre": "code", "kbd": "code", "samp": "code"}
_ERROR_BOX = re.compile(r'class="[^"]*\bfailure\b')


def link_terms(html: str, terms: list[Term], link: Linker) -> str:
    """Turn the first use of each term on a page into a link to its glossary entry, with the definition as its
    title, which Material shows as a tooltip on hover and on keyboard focus and gives screen readers as the link's
    description. Every other use, and every use in a heading, link, code, error box or file path, is plain text.

    Plain, because each title costs the reader's browser a tooltip that Material sets up when the page loads:
    on a long page, a tooltip on every repetition of a common term was the main cost of Total Blocking Time
    (make bench, section ab).
    """
    by_spelling = {spelling: term for term in terms for spelling in term_spellings(term)}
    linked: set[str] = set()
    open_tags = {"link": 0, "heading": 0, "code": 0}
    error_boxes: list[bool] = []  # one entry per open <div>: is it an error box?

    def in_a_path(match: re.Match) -> bool:
        return html[match.start() - 1:match.start()] == "/" or html[match.end():match.end() + 1] == "/"

    def replace(match: re.Match) -> str:
        tag = match.group("tag")
        if tag == "div":
            if not match.group("close"):
                error_boxes.append(bool(_ERROR_BOX.search(match.group("attributes"))))
            elif error_boxes:
                error_boxes.pop()
            return match.group(0)
        if tag:
            kind = _KIND.get(tag, "heading")
            open_tags[kind] = max(0, open_tags[kind] + (-1 if match.group("close") else 1))
            return match.group(0)
        term = by_spelling.get(html_lib.unescape(match.group("text")))
        if term is None:
            return match.group(0)  # an abbreviation a page defines itself
        if term.id in linked or any(open_tags.values()) or any(error_boxes) or in_a_path(match):
            return match.group("text")
        linked.add(term.id)
        return (f'<a class="glossary-term" href="{attribute(link(GLOSSARY_PAGE, term.id))}" '
                f'title="{escape(term.definition)}">{match.group("text")}</a>')

    return _TOKENS.sub(replace, html)
