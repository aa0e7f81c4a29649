"""MkDocs hook: `make serve` survives a broken file and shows its errors in the browser until it is fixed.

After a failed rebuild, MkDocs' live-reload server holds every request until a build succeeds ("the
server will appear stuck"), and the errors are only in the terminal. Here a failed rebuild counts as
finished, and every page of the preview starts with a banner that lists the build's errors:

- when the build wrote its pages (strict mode fails a build only at the end, after a broken link or a
  broken page was reported), the preview shows those pages, a broken page with its error in place;
- when it stopped before (a data file that cannot be read), the preview shows the last good pages,
  put back from a copy taken after each good build.

The terminal says which of the two the preview shows. The next good build replaces every page, so
the banner goes away by itself. The first build of `mkdocs serve` runs before this hook can act: when
it fails, `make serve` stops with the error, like `make build`.
"""

import atexit
import functools
import html
import logging
import re
import shutil
import signal
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.utils import DuplicateFilter

log = logging.getLogger("mkdocs.plugins.course")

BANNER_ID = "build-errors"
BODY_START = re.compile(r"<body\b[^>]*>")
# Inline styles: the banner must show on every page, embed views and plain pages included, whatever they load.
BANNER_STYLE = ("margin:0;padding:0.75em 1em;background:#b00020;color:#fff;"
                "font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif")
SHOWS = {
    True: "the pages as built now (a broken page shows its error in place)",
    False: "the last good pages",
}


def on_serve(server, config, builder):
    server.builder = keep_serving(server.builder, Path(config.site_dir))
    # A kill (SIGTERM, also what make passes on) stops the preview as Ctrl-C does, so that MkDocs
    # shuts the server down and removes its temporary folders.
    signal.signal(signal.SIGTERM, stop_like_ctrl_c)
    signal.signal(signal.SIGINT, stop_like_ctrl_c)
    return server


def stop_like_ctrl_c(signum, frame):
    """Stop once. One stop often arrives twice (a kill of make's process group reaches the server, and make
    passes it on too); a second one in the middle of MkDocs' shutdown left its server thread running, and the
    process waited for it for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


class Problems(logging.Handler):
    """The warnings and errors one build logs, as the terminal shows them (without the level)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def wrote_its_pages(error: BaseException) -> bool:
    """Whether a failed build got as far as writing every page: strict mode's abort comes after that."""
    return isinstance(error, Abort) and "in strict mode" in str(error)


def keep_serving(build, site_dir: Path):
    last_good = Path(tempfile.mkdtemp(prefix="course-last-good-"))
    atexit.register(shutil.rmtree, last_good, ignore_errors=True)
    keep_copy(site_dir, last_good)  # the first build, which succeeded, or the server would not be running

    @functools.wraps(build)
    def rebuild(*args, **kwargs):
        forget_earlier_messages()
        problems = Problems()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(problems)
        try:
            build(*args, **kwargs)
        # SystemExit too: mkdocs-macros exits on an error it catches itself, which would end the preview.
        except (Exception, SystemExit) as error:
            logger.removeHandler(problems)
            written = wrote_its_pages(error)
            if not written:
                keep_copy(last_good, site_dir)
            messages = problems.messages or [str(error) or type(error).__name__]
            add_banner(site_dir, banner(messages, SHOWS[written]))
            log.warning(f"The build failed. The preview shows {SHOWS[written]}, with the error(s) above in a banner "
                        "at the top of every page; fix them and save again.")
        else:
            logger.removeHandler(problems)
            keep_copy(site_dir, last_good)

    return rebuild


def forget_earlier_messages() -> None:
    """MkDocs drops a message it has logged before in the same process (a DuplicateFilter on its build logger), so a
    file saved again still broken would rebuild with no error in the terminal or the banner. Each rebuild starts
    afresh; within one build, repeats are still dropped."""
    for found in logging.getLogger("mkdocs.commands.build").filters:
        if isinstance(found, DuplicateFilter):
            found.msgs.clear()


def keep_copy(source: Path, destination: Path) -> None:
    """Make destination an exact copy of source."""
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(source, destination)


def banner(messages: list[str], shows: str) -> str:
    items = "".join(f'<li><code style="color:inherit;background:none">{html.escape(m)}</code></li>' for m in messages)
    return (f'<div id="{BANNER_ID}" role="alert" style="{BANNER_STYLE}">'
            f"<strong>The build failed.</strong> This preview shows {html.escape(shows)}. "
            "Fix the error and save: this banner goes away when the build succeeds."
            f'<ul style="margin:0.25em 0 0;padding-left:1.25em">{items}</ul></div>')


def add_banner(site_dir: Path, html_banner: str) -> None:
    """The banner at the start of the body of every page in the preview."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        match = BODY_START.search(text)
        if match:
            page.write_text(text[: match.end()] + html_banner + text[match.end():], encoding="utf-8")
