"""The book tests read the PDFs and the EPUB of `made_site` (tests/conftest.py); EPUBCheck also needs Java."""

import shutil

import pytest

from tests.helpers import need

JAVA_HINT = "install a Java runtime with: sudo apt-get install default-jre-headless"
# EPUBCheck runs for a few seconds: too short for the JVM's optimising compiler to pay for itself. With the quick
# compiler only, each check takes half the CPU time here, with the same findings.
QUICK_JVM = "-XX:TieredStopAtLevel=1"


@pytest.fixture(scope="session")
def java():
    need(shutil.which("java"), "Java runtime", JAVA_HINT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JDK_JAVA_OPTIONS", QUICK_JVM)
        yield
