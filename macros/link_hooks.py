"""MkDocs hook: a broken link or anchor is reported with the line and column it is on.

MkDocs checks every link and anchor (strict mode makes a broken one fatal), but its message
names only the page: "Doc file 'glossary.md' contains a link 'overview.md', but the target is
not found among documentation files." A logging filter on the logger that reports it puts
`docs/glossary.md:14:12:` in front, found by looking for the link in the page's source, so
the message reads like every other error of the build.
"""

import logging
import os
import re
from pathlib import Path

LINK_MESSAGE = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a|an absolute|an unrecognized relative) "
                          r"link (?:to )?'(?P<link>[^']+)'")


def position_of(text: str, needle: str) -> tuple[int, int] | None:
    index = text.find(needle)
    if index < 0:
        return None
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


class LinkPositions(logging.Filter):
    """Adds `file:line:column:` to MkDocs' link warnings; lets every record through."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        match = LINK_MESSAGE.match(record.getMessage())
        if match:
            page = self.docs_dir / match["page"]
            where = os.path.relpath(page) if page.is_relative_to(Path.cwd()) else str(page)
            text = page.read_text(encoding="utf-8-sig") if page.is_file() else ""
            position = position_of(text, match["link"])
            if position:
                where += f":{position[0]}:{position[1]}"
            record.msg, record.args = f"{where}: {record.getMessage()}", ()
        return True


def on_config(config):
    logger = logging.getLogger("mkdocs.structure.pages")
    # `mkdocs serve` loads this hook again on every rebuild: keep one filter, the newest.
    for old in [f for f in logger.filters if type(f).__name__ == LinkPositions.__name__]:
        logger.removeFilter(old)
    logger.addFilter(LinkPositions(Path(config["docs_dir"])))
    return config
