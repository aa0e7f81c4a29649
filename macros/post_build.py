"""Outputs made after the pages (the offline zip, and any PDF, EPUB or LMS package): one pattern for all.

Each such output is a step that `on_post_build` hands to `run_step`:

    post_build.run_step("downloads/leading-and-managing-offline.zip", offline.build_offline_zip, config_file, zip_path)

- A step never starts when the build has already failed: MkDocs calls `on_post_build` even then (strict mode
  fails the build only afterwards), and a second build of broken pages would print every error again.
- A step that fails raises StepFailed with what went wrong and what to do; any other exception is a bug of
  ours, reported the same way. Either becomes one line, `ERROR - <output>: <what went wrong>`, and the build
  exits non-zero without a traceback, so `make build` (scripts/build.sh) keeps the last good site/.
"""

import logging
from collections.abc import Callable

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.course")


class StepFailed(Exception):
    """A post-build output could not be made; the text says why and what to do, in one line."""


def build_has_failed() -> bool:
    """Whether this build has logged a problem that will fail it.

    MkDocs counts the warnings and errors of a strict build on a CountHandler of its 'mkdocs' logger and
    aborts after `on_post_build` when the count is not zero; reading that count asks MkDocs itself.
    """
    return any(isinstance(handler, CountHandler) and handler.get_counts()
               for handler in logging.getLogger("mkdocs").handlers)


def run_step(output: str, make: Callable[..., None], *args) -> None:
    """Make one output, unless the build already failed; a failure stops the build with one line."""
    if build_has_failed():
        log.debug(f"{output}: not made, because the build failed")
        return
    try:
        make(*args)
    except StepFailed as error:
        raise PluginError(f"{output}: {error}") from None
    except Exception as error:
        log.debug(f"{output} failed", exc_info=True)
        raise PluginError(f"{output}: could not be made ({type(error).__name__}: {error})") from None
