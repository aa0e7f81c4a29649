"""mkdocs-macros entry point: load the data once, then register the macros. Nothing else."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .errors import PageTemplate, check_page_source, checked_macro, report
from .load import DataError, load_course
from .pages import check_page_meta, page_macros


def define_env(env):
    try:
        course = load_course(Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None
    env.variables["course"] = course
    for name, macro in page_macros(course, env).items():
        env.macro(checked_macro(name, macro), name)


def on_pre_page_macros(env):
    # A page's mistakes are logged as one line each and shown in the page; strict mode fails
    # the build (see macros/errors.py for why we do not let mkdocs-macros handle them).
    env.env.template_class = PageTemplate
    try:
        check_page_meta(env.variables["course"], env.page, Path(env.conf["docs_dir"]))
    except DataError as error:
        env.markdown = report(env.page, error.line, f"field '{error.field}': {error.expected}", error.column)
        return
    notice = check_page_source(env)
    if notice:
        env.markdown = notice
