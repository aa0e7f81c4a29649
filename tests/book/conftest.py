"""The book files, built once per session as `make build` builds them (BOOK_FILES=true), into a temporary folder."""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import INSTALL_HINT, chromium_path
from tests.project import ROOT, mkdocs_build

EPOCH = 1700000000  # 14 November 2023, 22:13:20 UTC
JAVA_HINT = "install a Java runtime with: sudo apt-get install default-jre-headless"


def need(found, what: str, hint: str) -> None:
    """A tool the test needs: missing fails in CI, and skips with the way to install it elsewhere."""
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no {what} found in CI; {hint}")
        pytest.skip(f"no {what} found; {hint}")


@pytest.fixture(scope="session")
def java():
    need(shutil.which("java"), "Java runtime", JAVA_HINT)


@pytest.fixture(scope="session")
def book_site(tmp_path_factory) -> Path:
    """A strict build of the project with the PDFs and the EPUB, dated by SOURCE_DATE_EPOCH."""
    need(chromium_path(), "Chromium", INSTALL_HINT)
    site = tmp_path_factory.mktemp("book") / "site"
    result = mkdocs_build(ROOT, "--site-dir", str(site), SOURCE_DATE_EPOCH=str(EPOCH), BOOK_FILES="true")
    assert result.returncode == 0, result.stdout
    assert "Traceback" not in result.stdout
    return site
