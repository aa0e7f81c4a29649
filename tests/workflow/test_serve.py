"""`make serve` survives a broken edit and shows it: every page gets a banner with the build's errors until
the file is fixed, the terminal says what the preview shows, and stopping `make serve` stops the server.

A real `make serve` (so the Makefile's target is what is tested) of a project copy, on a free port of
127.0.0.1, always stopped at the end. The broken edits are cases of the broken-input corpus.
"""

import html
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.corpus.cases import BROKEN
from tests.project import add_make, copy_project, make, make_env

WAIT = 120  # seconds; a rebuild takes a few, a loaded CI machine may take longer
CASES = {case.name: case for case in BROKEN}
BANNER = 'id="build-errors"'


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
    pytest.fail(f"timed out waiting for {what}; make serve said:\n{log.read_text(errors='replace')}")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def content(page: str | None) -> str | None:
    """The page without the banner and the live-reload script, whose numbers change with every rebuild."""
    if not page:
        return page
    if BANNER in page:
        start = page.index(f"<div {BANNER}")
        page = page[:start] + page[page.index("</ul></div>", start) + len("</ul></div>"):]
    return page.split("livereload(")[0]


def banner_text(page: str | None) -> str:
    if not page or BANNER not in page:
        return ""
    start = page.index(f"<div {BANNER}")
    return html.unescape(page[start: page.index("</ul></div>", start)])


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Preview:
    def __init__(self, project: Path, port: int, log: Path, process: subprocess.Popen) -> None:
        self.project, self.base, self.log, self.process = project, f"http://127.0.0.1:{port}/", log, process

    def said(self) -> str:
        return self.log.read_text(errors="replace")

    def page(self, path: str = "") -> str | None:
        return fetch(self.base + path)

    def break_with(self, case_name: str) -> str:
        """Apply a corpus case to the served project; the message it must produce."""
        case = CASES[case_name]
        return case.message(self.project, case.edit.apply(self.project))


@pytest.fixture
def preview(tmp_path):
    """A `make serve` that is always stopped afterwards, with the files it serves as they were at the start."""
    project = add_make(copy_project(tmp_path / "project"))
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(["make", "serve", f"SERVE_ADDRESS=127.0.0.1:{port}"], cwd=project, env=make_env(),
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        served = Preview(project, port, log, process)
        try:
            wait_for(lambda: "Management" in (served.page("glossary/") or ""), "the first build", log)
            yield served
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def test_a_data_error_shows_in_a_banner_over_the_last_good_pages_until_fixed(preview):
    good = {path: content(preview.page(path)) for path in ("", "glossary/")}
    original = {name: (preview.project / CASES[name].edit.file).read_bytes()
                for name in ("dangling-source", "yaml-colon-in-value")}
    for name in original:
        expected = preview.break_with(name)
        wait_for(lambda shown=expected: shown in banner_text(preview.page("glossary/")), f"the banner of {name}",
                 preview.log)
        for path, page in good.items():
            shown = preview.page(path)
            assert expected in banner_text(shown), f"/{path} has no banner"
            assert "the last good pages" in banner_text(shown)
            assert content(shown) == page, f"/{path}: the last good page is no longer served"
        assert banner_text(preview.page("")).count("<li>") == 1, "the banner should hold the one message"
        assert expected in preview.said()
        assert "The preview shows the last good pages" in preview.said()
        # Saved again, still broken: the same message again, in the terminal and the banner (MkDocs drops a
        # message it has already logged, unless macros/serve_hooks.py makes each rebuild start afresh).
        broken = preview.project / CASES[name].edit.file
        failures, said_before = preview.said().count("The build failed"), preview.said().count(expected)
        broken.write_bytes(broken.read_bytes())
        wait_for(lambda n=failures: preview.said().count("The build failed") > n, f"the rebuild of {name}",
                 preview.log)
        assert preview.said().count(expected) > said_before, "the second build did not say what is wrong"
        assert expected in banner_text(preview.page("glossary/"))
        (preview.project / CASES[name].edit.file).write_bytes(original[name])
        wait_for(lambda: BANNER not in (preview.page("glossary/") or BANNER), f"the fix of {name}", preview.log)
        assert BANNER not in preview.page("")
    assert "Traceback" not in preview.said()


def test_a_page_error_and_a_broken_link_show_in_a_banner_over_the_new_pages_until_fixed(preview):
    page_file = preview.project / "docs/glossary.md"
    original = page_file.read_bytes()
    for name, in_page in (("macro-missing-argument", "This page has an error"), ("broken-link", 'href="overview.md"')):
        expected = preview.break_with(name)
        wait_for(lambda shown=expected: shown in banner_text(preview.page("glossary/")), f"the banner of {name}",
                 preview.log)
        assert in_page in preview.page("glossary/"), "the preview does not show the page as built now"
        assert expected in banner_text(preview.page("")), "the home page has no banner"
        assert "the pages as built now" in banner_text(preview.page(""))
        assert "The preview shows the pages as built now" in preview.said()
        page_file.write_bytes(original)
        wait_for(lambda: BANNER not in (preview.page("glossary/") or BANNER), f"the fix of {name}", preview.log)
    assert "Traceback" not in preview.said()


@pytest.mark.parametrize("stopped", ["make", "server", "both"])
def test_stopping_make_serve_or_its_server_stops_both(preview, stopped):
    """`make serve` hands over to the server (exec): make's one child is mkdocs itself, and a kill of either, or of
    both at once (as Ctrl-C in a terminal reaches both), stops it."""
    make_pid = preview.process.pid
    (server_pid,) = children(make_pid)
    assert "mkdocs serve" in Path(f"/proc/{server_pid}/cmdline").read_bytes().decode().replace("\0", " ")
    assert children(server_pid) == [], "make's child is a shell that runs the server, not the server itself"
    if stopped == "both":
        os.killpg(make_pid, signal.SIGTERM)
    else:
        os.kill(make_pid if stopped == "make" else server_pid, signal.SIGTERM)
    preview.process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while alive(server_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(server_pid), "the server outlived make serve"
    assert preview.page("") is None, "something still answers on the preview's port"


def test_make_serve_of_a_broken_tree_stops_with_one_message(tmp_path):
    project = add_make(copy_project(tmp_path / "project"))
    case = CASES["dangling-source"]
    expected = case.message(project, case.edit.apply(project))
    result = make(project, "serve", f"SERVE_ADDRESS=127.0.0.1:{free_port()}")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout, result.stdout
    problems = [line for line in result.stdout.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert len(problems) == 1 and expected in problems[0], result.stdout
