"""mkdocs-macros entry point: load the data once, then register the macros. Nothing else."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from .load import DataError, load_course
from .pages import check_page_meta, page_macros


def define_env(env):
    try:
        course = load_course(Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None
    env.variables["course"] = course
    for name, macro in page_macros(course, env).items():
        env.macro(macro, name)


def on_pre_page_macros(env):
    try:
        check_page_meta(env.variables["course"], env.page, Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None
