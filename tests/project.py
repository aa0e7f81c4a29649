"""Temporary copies of the project, built by a real `mkdocs` process as a contributor would."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
# What a build reads. Everything else (the virtualenv, site/, tests/) stays behind.
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides")
# A ceiling for a build that hangs, not a speed target: a build that also prints the PDFs and writes the
# EPUB (BOOK_FILES) takes several times as long as a quick one, more on a busy machine.
BUILD_TIMEOUT = 300


def copy_project(destination: Path) -> Path:
    """A fresh copy of what the build reads, in destination (created)."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def mkdocs_env(**extra: str) -> dict[str, str]:
    # Material 9.7+ prints a banner about MkDocs 2 on every run; it is not about our site.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def mkdocs_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in the project folder; stdout and stderr together, as a terminal shows them."""
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", *args], cwd=project, env=mkdocs_env(**env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BUILD_TIMEOUT)
