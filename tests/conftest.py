"""Shared fixtures: the site is built once per run of the tests, in process, into a temporary folder.

`make test` runs the tests in parallel workers (pytest-xdist). Whatever is made with
`built_once` is made by the first worker that asks for it, under a file lock, and every other worker waits for it
and then reads the same folder; any test that takes the `site` fixture gets that one shared build. A file's tests
run on one worker, so that its module-scoped fixtures are made once, except the shares of a long check.
"""

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.browser.conftest import INSTALL_HINT, chromium_path
from tests.helpers import BuiltSite, need
from tests.project import EPOCH, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
DONE = ".built"


def built_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by make(folder) once per test run, however many workers ask for it.

    A folder is marked finished only when make returns, so a failed make is tried again (and fails again) in the
    next worker that asks, rather than leaving it a half-made folder.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    # Each worker has its own temporary folder inside one folder for the whole run: that is the shared place.
    shared = tmp_path_factory.getbasetemp().parent
    folder = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        if not (shared / f"{name}{DONE}").exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            (shared / f"{name}{DONE}").touch()
    return folder


# A test parametrized with ids "share-1-of-4", "share-2-of-4"... (alone or last, as in "phone-share-1-of-4") is one
# share of a long check, and is sent to whichever worker is free; every other test goes with the rest of its file.
# (pytest-xdist's own `loadgroup` would say this with marks, but its marks are lost with pytest 9: the controller
# sees only test ids.)
SHARE = re.compile(r"[\[-]share-\d+-of-\d+\]$")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByFileButShares(LoadScopeScheduling):
        """A file's tests stay on one worker, so that its module-scoped fixtures (a corpus of builds, the offline
        copy) are made once; the shares of a long check are spread."""

        def _split_scope(self, nodeid: str) -> str:
            return nodeid if SHARE.search(nodeid) else nodeid.split("::", 1)[0]

    return ByFileButShares(config, log)


@pytest.fixture(scope="session", autouse=True)
def _temporary_folder_exists(tmp_path_factory):
    """Make this worker's temporary folder before any test does: pytest makes it on first use, and two threads
    of one test (the corpus builds in parallel) asking at once would both try."""
    tmp_path_factory.getbasetemp()


def site_config(site_dir: Path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    site_dir = built_once(tmp_path_factory, "site", lambda folder: build(site_config(folder)))
    return BuiltSite(site_dir, site_config(site_dir))


@pytest.fixture(scope="session")
def course():
    from macros.load import load_course

    return load_course(ROOT / "docs")


@pytest.fixture(scope="session")
def made_site(tmp_path_factory) -> Path:
    """The site as `make build` makes it (the offline zip, the PDFs and the EPUB too), dated by SOURCE_DATE_EPOCH.

    Built once for every worker: the book tests read its PDFs and EPUB, and the reproducibility test builds a
    second copy and compares the two.
    """
    need(chromium_path(), "Chromium", INSTALL_HINT)

    def make(folder: Path) -> None:
        result = mkdocs_build(ROOT, "--site-dir", str(folder / "site"), SOURCE_DATE_EPOCH=str(EPOCH),
                              OFFLINE_ZIP="true", BOOK_FILES="true")
        assert result.returncode == 0, result.stdout
        assert "Traceback" not in result.stdout

    return built_once(tmp_path_factory, "made", make) / "site"
