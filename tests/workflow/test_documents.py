"""Everything the repository's documents point to is inside the repository.

Every Markdown file (the README, the guides, the pages, the fixtures' notes): each relative link
must reach a file or folder of the repository, and so must each path written as code, such as
`docs/data/claims.yml`. Nothing may point outside it, as `../shared/DESIGN.md` once did.
"""

import re
from pathlib import Path

from tests.project import ROOT

# Made by make or a build, or not ours: not part of a fresh clone's documents.
SKIPPED = {".git", ".venv", "node_modules", "site", ".pytest_cache", ".ruff_cache", "__pycache__"}
MADE_BY_THE_BUILD = {".venv/", "site/"}
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
CODE_PATH = re.compile(r"`(\.{0,2}/?[\w.-]+(?:/[\w.-]+)*/?)`")
OUTSIDE = re.compile(r"\.\./shared|/work/")
CODE = re.compile(r"^```.*?^```|`[^`\n]+`", re.MULTILINE | re.DOTALL)
DOCS = ROOT / "docs"


def documents() -> list[Path]:
    return sorted(path for path in ROOT.rglob("*.md")
                  if not SKIPPED & set(path.relative_to(ROOT).parts) and not path.name.startswith("site."))


def dangling(document: Path, root: Path = ROOT) -> list[str]:
    """The document's relative links and code paths that do not reach a file of the repository at root."""
    text = document.read_text(encoding="utf-8")
    where = document.relative_to(root).as_posix()
    problems = [f"{where}: points outside the repository: {match.group(0)!r}" for match in OUTSIDE.finditer(text)]
    # Pages under docs/ link to the site's pages and downloads; the strict build checks those links.
    links = [] if document.is_relative_to(root / "docs") else LINK.finditer(CODE.sub("", text))
    for match in links:
        target = (match.group(1) or match.group(2)).split("#", 1)[0]
        if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
            continue  # a web address, a mail address, an anchor on the same page or a path on the site
        path = document.parent / target
        if not (path.exists() and path.resolve().is_relative_to(root.resolve())):
            problems.append(f"{where}: link to {target!r}, which is not in the repository")
    for match in CODE_PATH.finditer(text):
        token = match.group(1)
        first = token.removeprefix("./").split("/", 1)[0]
        if "/" not in token or token in MADE_BY_THE_BUILD or token.startswith("/") or "..." in token:
            continue  # a name, a folder the build makes, an address on the site, or a pattern
        if token.startswith("../") or ((root / first).exists() and not (root / token).exists()):
            problems.append(f"{where}: names {token!r}, which is not in the repository")
    return problems


def test_every_document_points_only_inside_the_repository():
    found = documents()
    assert {"README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"} <= {path.name for path in found}
    assert [problem for document in found for problem in dangling(document)] == []


def test_the_check_catches_links_and_paths_that_lead_nowhere(tmp_path):
    for path in ("CONTRIBUTING.md", "docs/data/claims.yml", "tests/fixtures/essay.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    document = tmp_path / "check-me.md"
    document.write_text("See [the sketch](../shared/DESIGN.md), [the guide](CONTRIBUTING.md),\n"
                        "`docs/data/claims.yml`, `docs/data/nothing.yml` and `tests/fixtures/essay.md`.\n"
                        "[design]: DESIGN.md\n", encoding="utf-8")
    problems = "\n".join(dangling(document, tmp_path))
    assert "points outside the repository: '../shared'" in problems
    assert "link to '../shared/DESIGN.md'" in problems
    assert "names 'docs/data/nothing.yml'" in problems
    assert "link to 'DESIGN.md'" in problems
    assert "CONTRIBUTING" not in problems and "claims.yml" not in problems and "essay.md" not in problems


FILE_NAME = re.compile(r"[\w./-]+\.(?:md|yml|yaml|json)\b")


def test_every_file_a_data_file_comment_names_exists():
    """The comments of docs/data/*.yml name files from the repository's top or beside the data file."""
    problems = []
    for data_file in sorted((DOCS / "data").glob("*.yml")):
        for number, line in enumerate(data_file.read_text(encoding="utf-8").splitlines(), start=1):
            comment = line.partition("#")[2] if line.lstrip().startswith("#") else ""
            problems += [f"{data_file.name}:{number}: {name}" for name in FILE_NAME.findall(comment)
                         if not (ROOT / name).exists() and not (data_file.parent / name).exists()]
    assert problems == []
