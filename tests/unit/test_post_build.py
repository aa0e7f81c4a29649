"""Outputs made after the pages: skipped when the build failed, and a failure is one line, not a traceback."""

import logging

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from macros import post_build
from macros.outputs import offline


@pytest.fixture
def strict_counter():
    """The handler MkDocs attaches to its logger for a strict build, attached for one test."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    yield counter
    logger.removeHandler(counter)


def test_a_step_runs_while_the_build_is_clean(strict_counter):
    made = []
    post_build.run_step("downloads/x.zip", made.append, "zip")
    assert made == ["zip"]


def test_a_step_does_not_start_after_the_build_failed(strict_counter):
    logging.getLogger("mkdocs.structure.pages").warning("docs/page.md:3: a broken link")
    made = []
    post_build.run_step("downloads/x.zip", made.append, "zip")
    assert made == []


def test_a_failed_step_is_one_build_error_naming_the_output(strict_counter):
    def fail():
        raise post_build.StepFailed("the PDF engine is missing; run make install")

    with pytest.raises(PluginError) as raised:
        post_build.run_step("downloads/course.pdf", fail)
    assert str(raised.value) == "downloads/course.pdf: the PDF engine is missing; run make install"


def test_an_unexpected_error_in_a_step_is_one_build_error_too(strict_counter):
    with pytest.raises(PluginError) as raised:
        post_build.run_step("downloads/course.epub", lambda: 1 / 0)
    assert str(raised.value) == "downloads/course.epub: could not be made (ZeroDivisionError: division by zero)"


def test_a_failed_offline_build_says_why_in_one_line(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Broken\nnav:\n  - missing.md\nstrict: true\nvalidation:\n  nav:\n    not_found: warn\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    with pytest.raises(post_build.StepFailed) as raised:
        offline.build_offline_site(config, tmp_path / "site")
    message = str(raised.value)
    assert message.startswith("the offline build failed: ")
    assert "missing.md" in message and "\n" not in message
