"""Mistakes in a page, reported as one line a contributor can act on, never a traceback.

Why this module exists: with `on_error_fail`, mkdocs-macros prints a Python traceback and
calls exit(), and that exit also stops `mkdocs serve`. We keep every mistake fatal another
way: each one is logged as one MkDocs error, `docs/page.md:12: ...`, and strict mode
(mkdocs.yml) fails the build at the end, after the other pages have been checked too.
The page itself then shows the error, so `make serve` shows it in the browser as well.

Problems are caught at three moments:
- before rendering, `check_page_source`: broken front matter and Jinja syntax errors;
- when a macro is called, `checked_macro`: wrong arguments, an unknown id;
- while rendering, `PageTemplate`: anything else, such as an unknown macro.
"""

import functools
import inspect
import logging
import re
from pathlib import Path

import jinja2
import yaml

from .load import display_path, syntax_problem
from .render.text import escape

log = logging.getLogger("mkdocs.plugins.course")

# MkDocs' own pattern (mkdocs/utils/meta.py): what it fails to match or parse, it silently ignores.
FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


class MacroError(Exception):
    """A macro was called in a way the data cannot answer; the text says what was expected."""


def checked_macro(name: str, macro):
    """The macro, with its arguments checked before it runs and its errors named after it."""
    signature = inspect.signature(macro)
    usage = f"{name}{signature.replace(return_annotation=inspect.Signature.empty)}"

    @functools.wraps(macro)
    def checked(*args, **kwargs):
        try:
            signature.bind(*args, **kwargs)
        except TypeError as error:
            raise MacroError(f"macro '{name}': {error}; expected {usage}") from None
        try:
            return macro(*args, **kwargs)
        except ValueError as error:
            raise MacroError(f"macro '{name}': {error}") from None

    return checked


def report(page, line: int | None, message: str, column: int | None = None) -> str:
    """Log one error for the page and return what shows it in place of the page.

    A block of raw HTML, styled as Material's failure admonition: Markdown leaves it as it is, so
    the glossary's abbreviations never reach into it (a path such as docs/leadership/index.md
    must not gain a link on "leadership"), and the path is code, as a contributor types it.
    """
    where = display_path(Path(page.file.abs_src_path)) + "".join(f":{n}" for n in (line, column) if n)
    log.error(f"{where}: {message}")
    return (f'<div class="admonition failure page-error" role="alert">\n'
            f'<p class="admonition-title">This page has an error</p>\n'
            f"<p><code>{escape(where)}</code>: {escape(message)}</p>\n</div>\n")


def body_offset(page, body: str) -> int:
    """Lines before the Markdown body (the front matter), so template lines become file lines."""
    source = page.file.content_string
    return source[: len(source) - len(body)].count("\n") if source.endswith(body) else 0


def front_matter_problem(source: str) -> tuple[int, int, str] | None:
    """(line, column, message) when the page opens front matter that MkDocs would silently ignore."""
    if not FRONT_MATTER_START.match(source):
        return None
    match = FRONT_MATTER.match(source)
    if match is None:
        return 1, 1, "front matter opened with '---' is never closed; expected a line '---' after its fields"
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        line, column, problem = syntax_problem(error, match.group(1))
        return line + 1, column, f"front matter is not valid YAML: {problem}"  # + the opening '---' line
    if not isinstance(fields, dict):
        return 2, 1, "front matter must be fields written as 'name: value'"
    return None


def check_page_source(env) -> str | None:
    """Markdown showing the first problem that stops the page from rendering at all, or None."""
    page = env.page
    problem = front_matter_problem(page.file.content_string)
    if problem:
        line, column, message = problem
        return report(page, line, message, column)
    if page.meta.get("render_macros") is False:  # the page opts out: its braces are text
        return None
    try:
        env.env.parse(env.markdown)
    except jinja2.TemplateSyntaxError as error:
        line = error.lineno + body_offset(page, env.markdown)
        return report(page, line, f"macro syntax error: {error.message}; expected {{{{ name(arguments) }}}}")
    return None


def template_line(traceback) -> int | None:
    """The line of the page template where an error happened (Jinja marks its frames)."""
    line = None
    while traceback is not None:
        frame = traceback.tb_frame
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(traceback.tb_lineno)
        elif frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def describe(error: Exception, macros: dict) -> str:
    if isinstance(error, MacroError):
        return str(error)
    if isinstance(error, jinja2.UndefinedError):
        return f"{error.message}; expected a macro, one of: {', '.join(sorted(macros))}"
    return f"{type(error).__name__}: {error}"


class PageTemplate(jinja2.Template):
    """A page as a template: any error while rendering is reported as one line, not raised.

    mkdocs-macros renders each page with `env.from_string(markdown).render(...)`; pointing
    the environment's `template_class` here catches the error before its traceback handler.
    """

    def render(self, *args, **kwargs) -> str:
        try:
            return super().render(*args, **kwargs)
        except Exception as error:
            page = kwargs["page"]
            line = template_line(error.__traceback__)
            if line is not None:
                line += body_offset(page, page.markdown or "")
            return report(page, line, describe(error, kwargs.get("macros", {})))
