"""The book tests read the PDFs and the EPUB of `made_site` (tests/conftest.py); EPUBCheck also needs Java."""

import shutil

import pytest

from tests.helpers import need

JAVA_HINT = "install a Java runtime with: sudo apt-get install default-jre-headless"


@pytest.fixture(scope="session")
def java():
    need(shutil.which("java"), "Java runtime", JAVA_HINT)
