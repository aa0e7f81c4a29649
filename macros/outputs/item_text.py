"""The text of a question (prompt, option, explanation) as each export format must write it.

Quiz data is plain text. Every format shows it as HTML, so it becomes HTML once, here
(`as_html`), and each format then wraps that HTML its own way: QTI puts it in a `mattext`
of type text/html (the XML serialiser escapes it once more), Moodle XML in CDATA, GIFT after
an `[html]` marker with its special characters escaped. A `<`, `&`, `{` or `~` typed in the data
therefore shows as typed in every platform, and never becomes markup or GIFT syntax.
"""

import html

from lxml import etree

# Characters GIFT reads as syntax inside a question; a backslash before each makes it literal.
GIFT_SPECIALS = "~=#{}:"


def as_html(text: str) -> str:
    """Plain text as HTML: markup characters escaped, line breaks kept as <br>."""
    return "<br>".join(html.escape(line, quote=False) for line in str(text).split("\n"))


def qti_mattext(text: str) -> str:
    """What goes inside <mattext texttype="text/html">: the HTML, which the XML writer escapes."""
    return as_html(text)


def moodle_cdata(text: str) -> etree.CDATA:
    """A CDATA section for Moodle XML's <text>. as_html escapes '>', so ']]>' cannot occur in it."""
    return etree.CDATA(as_html(text))


def gift(text: str) -> str:
    """HTML for a GIFT file: backslash first, then every GIFT special character escaped."""
    value = as_html(text).replace("\\", "\\\\")
    for char in GIFT_SPECIALS:
        value = value.replace(char, "\\" + char)
    return value
