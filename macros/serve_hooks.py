"""MkDocs hook: `mkdocs serve` keeps serving the last good pages while a file is broken.

After a failed rebuild, MkDocs' live-reload server holds every request until a build
succeeds ("the server will appear stuck"), so a contributor who saves a broken file loses
the preview. Here a failed rebuild still reports its error (the build logged it already),
but then counts as finished: the server answers again, with the last good pages when the
data failed to load, or with the page that shows its own error when a page is broken. The
next save that fixes the file rebuilds and reloads the browser as usual.
"""

import functools
import logging

log = logging.getLogger("mkdocs.plugins.course")


def on_serve(server, config, builder):
    server.builder = keep_serving(server.builder)
    return server


def keep_serving(build):
    @functools.wraps(build)
    def rebuild(*args, **kwargs):
        try:
            build(*args, **kwargs)
        # SystemExit too: mkdocs-macros exits on an error it catches itself, which would end the preview.
        except (Exception, SystemExit) as error:
            log.warning(f"{error} The preview keeps the last good pages; fix the error above and save again.")

    return rebuild
