"""Where generated content comes from: a note under it, linking to the data file to edit.

"Edit this page" opens the Markdown page, which holds only a macro call for a generated
table; the note sends a contributor to the data file that really holds the words.
"""

import re

from .text import attribute, escape

# The one marker of a note meant for contributors. Whatever learners get outside the site's own pages
# (embed views, print, LMS packages, PDF, EPUB) leaves out every element with this class: by
# strip_data_notes() on HTML text, or by the class itself (embeds.py drops it with lxml, print.css hides it).
DATA_NOTE_CLASS = "data-note"
_DATA_NOTE = re.compile(rf'<p class="{DATA_NOTE_CLASS}">.*?</p>', re.DOTALL)


def data_edit_url(repo_url: str | None, edit_uri: str | None, data_file: str) -> str | None:
    """The address that opens docs/data/<data_file> for editing, built as MkDocs builds a page's edit_url."""
    if not repo_url or not edit_uri:
        return None
    return f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/data/{data_file}"


def data_note(data_file: str, edit_url: str | None) -> str:
    # Plain text, not <code>: Material's code background under a link colour fails contrast in dark mode.
    name = f"docs/data/{escape(data_file)}"
    if edit_url:
        name = f'<a href="{attribute(edit_url)}">{name}</a>'
    return f'<p class="{DATA_NOTE_CLASS}">Generated from {name}: to change it, edit that file rather than this page.</p>'


def strip_data_notes(html: str) -> str:
    """The HTML without the contributors' notes that data_note() wrote into it."""
    return _DATA_NOTE.sub("", html)
