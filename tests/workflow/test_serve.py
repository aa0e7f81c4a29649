"""`make serve` survives a broken edit: it reports the error, keeps serving the last good
pages, and recovers by itself once the file is fixed. A real `mkdocs serve` on 127.0.0.1."""

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.project import MKDOCS, copy_project, mkdocs_env

GLOSSARY = "docs/data/glossary.yml"
WAIT = 90  # seconds; a rebuild takes a few, a loaded CI machine may take longer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what: str, log: Path):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}; mkdocs serve said:\n{log.read_text(errors='replace')}")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def content(html: str | None) -> str | None:
    """The page without the live-reload script, whose numbers change with every rebuild."""
    return html.split("livereload(")[0] if html else html


@pytest.fixture
def served(tmp_path):
    """(project folder, base URL, log file) of a `mkdocs serve` that is always stopped afterwards."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
            env=mkdocs_env(SITE_URL=base), stdout=output, stderr=subprocess.STDOUT)
        try:
            yield project, base, log
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_serve_keeps_the_last_good_pages_and_recovers(served):
    project, base, log = served
    glossary_url = base + "glossary/"
    wait_for(lambda: "Management" in (fetch(glossary_url) or ""), "the first build", log)
    good = fetch(glossary_url)

    data = project / GLOSSARY
    original = data.read_text(encoding="utf-8")
    data.write_text(original.replace("terms:", "terms: [", 1), encoding="utf-8")
    wait_for(lambda: "docs/data/glossary.yml:" in log.read_text(errors="replace"), "the error message", log)
    assert content(fetch(glossary_url)) == content(good), "the last good page is no longer served"
    assert "Traceback" not in log.read_text(errors="replace")
    assert fetch(base) is not None

    data.write_text(original.replace("term: Management", "term: Management studies", 1), encoding="utf-8")
    wait_for(lambda: "Management studies" in (fetch(glossary_url) or ""), "the rebuild after the fix", log)


def test_serve_shows_a_broken_page_its_error_and_recovers(served):
    project, base, log = served
    glossary_url = base + "glossary/"
    wait_for(lambda: "Management" in (fetch(glossary_url) or ""), "the first build", log)

    page = project / "docs" / "glossary.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n{{ dimension_card() }}\n", encoding="utf-8")
    wait_for(lambda: "This page has an error" in (fetch(glossary_url) or ""), "the error in the page", log)
    assert "missing a required argument" in fetch(glossary_url)
    assert "docs/glossary.md:" in log.read_text(errors="replace")
    assert "Traceback" not in log.read_text(errors="replace")

    page.write_text(original, encoding="utf-8")
    wait_for(lambda: "This page has an error" not in (fetch(glossary_url) or "This page has an error"),
             "the rebuild after the fix", log)
