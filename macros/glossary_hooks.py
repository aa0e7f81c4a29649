"""MkDocs hooks for the glossary: every page's glossary terms explain themselves where they are used.

Two steps, one per build event: the abbreviation definitions are appended to each page's Markdown
(after the macros plugin has rendered it, so no definition is ever read as a template), and the
first use of each term in the rendered HTML becomes a focusable link to its glossary entry, with the definition
as its tooltip; every other use is plain text (macros/render/glossary.py says why).
"""

import sys
from pathlib import Path

# MkDocs loads this file by its path, not as part of the macros package: make the package importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.load import course_of_build  # noqa: E402
from macros.render.glossary import GLOSSARY_PAGE, abbreviations, link_terms  # noqa: E402
from macros.render.links import linker_for  # noqa: E402

_terms: list = []


def on_config(config):
    _terms[:] = course_of_build(config).terms
    return config


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == GLOSSARY_PAGE:
        return markdown
    return markdown + abbreviations(_terms)


def on_page_content(html, page, config, files):
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    return link_terms(html, _terms, linker_for(page.file.src_uri, config["use_directory_urls"]))
