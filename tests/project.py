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
# A fixed SOURCE_DATE_EPOCH for builds that are compared or whose dates are read: 14 November 2023, 22:13:20 UTC.
EPOCH = 1700000000


def npm_projects() -> set[Path]:
    """The folders with a package.json: the tests' axe-core (tests/browser) and the bench's Lighthouse (the root)."""
    found = [ROOT / "package.json", *(ROOT / "tests").rglob("package.json")]
    return {path.parent for path in found if path.exists() and "node_modules" not in path.relative_to(ROOT).parts}


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


# What `make build` and `make serve` need besides what the build reads.
MAKE_PARTS = ("Makefile", "scripts", "requirements.txt")
# Set by a `make` that runs the tests (`make test`); a make inside a test must not inherit its jobs.
MAKE_VARIABLES = ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")
# Set in each test worker (pytest-xdist). Tests run inside a test with these would take themselves for a worker
# and read the site `built_once` left in the shared temporary folder, built from another tree, not their own.
WORKER_VARIABLES = ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID")


def add_make(project: Path) -> Path:
    """Let `make` run in a project copy: the Makefile and scripts, and a .venv that is the tests' own.

    .venv/bin is a link to the running interpreter's folder, and .venv/.installed is newer than
    requirements.txt, so make finds everything installed and goes straight to the target.
    """
    for part in MAKE_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, project / part)
        else:
            shutil.copy2(ROOT / part, project / part)
    venv = project / ".venv"
    venv.mkdir()
    (venv / "bin").symlink_to(Path(sys.executable).parent, target_is_directory=True)
    (venv / ".installed").touch()
    return project


def make_env(**extra: str) -> dict[str, str]:
    """The environment for `make` or pytest run in a project copy: nothing of the make or the worker running us."""
    return {name: value for name, value in mkdocs_env(**extra).items()
            if name not in MAKE_VARIABLES + WORKER_VARIABLES}


def make(project: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess:
    """`make <arguments>` in a project copy made ready by add_make; stdout and stderr together."""
    return subprocess.run(
        ["make", *arguments], cwd=project, env=make_env(**env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BUILD_TIMEOUT)


def mkdocs_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in the project folder; stdout and stderr together, as a terminal shows them."""
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", *args], cwd=project, env=mkdocs_env(**env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BUILD_TIMEOUT)
