"""`make lint` is configured to accept our pages and still catch real mistakes."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import ROOT

BIN = Path(sys.executable).parent
GOOD_PAGE = """---
title: A page
claims: []
---

# A heading that is longer than eighty characters, on a line of its own, as our pages have

<div class="grid" markdown>

As Hart and Waisman note, the organisation's behaviour, colour and programme, in British spelling {{ cite("kotter1990hbr") }}.

</div>
"""


def lint(command: list[str], path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / command[0]), *command[1:], str(path)], cwd=ROOT, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)


@pytest.mark.parametrize("command, name, good, bad", [
    (["codespell"], "page.md", GOOD_PAGE, "Teh organisation.\n"),
    (["pymarkdown", "--config", ".pymarkdown.json", "scan"], "page.md", GOOD_PAGE, "# Title\n## Heading\nText\n"),
    (["yamllint", "--strict", "-c", ".yamllint"], "data.yml", "on:\n  push:\nterms: [a, b]\n", "a: 1\na: 2\n"),
    (["ruff", "check", "--config", "pyproject.toml"], "code.py", "print('ok')\n", "import os\n"),
], ids=["codespell", "pymarkdown", "yamllint", "ruff"])
def test_linter_accepts_our_style_and_catches_a_mistake(command, name, good, bad, tmp_path):
    path = tmp_path / name
    path.write_text(good, encoding="utf-8")
    accepted = lint(command, path)
    assert accepted.returncode == 0, accepted.stdout
    path.write_text(bad, encoding="utf-8")
    assert lint(command, path).returncode != 0
