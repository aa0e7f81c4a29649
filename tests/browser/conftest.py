"""Headless Chromium (Debian's, driven by Playwright) against the built site on 127.0.0.1."""

import functools
import os
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.helpers import need

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = "install Debian's Chromium with: sudo apt-get install chromium"


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL of a loopback server for that folder; all stop at the end."""
    servers = []

    def start(folder) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site, serve) -> str:
    return serve(site.root)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    need(executable, "Chromium", INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield context
        context.close()


class PageWatch:
    """Records what a page does that a learner would not want: errors, failures, other hosts."""

    def __init__(self, page, allowed_origin: str) -> None:
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A reload or a navigation cancels requests still in flight (net::ERR_ABORTED): not a fault.
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})")
                if r.failure != "net::ERR_ABORTED" else None)
        page.on("request", lambda r: self.foreign.append(r.url)
                if not r.url.startswith((allowed_origin, "data:", "blob:", "about:")) else None)
        page.on("response", lambda r: self.failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)

    def problems(self) -> dict[str, list[str]]:
        return {name: items for name, items in
                (("console errors", self.errors), ("failed requests", self.failed), ("other hosts", self.foreign))
                if items}


@pytest.fixture
def watched_page(browser, site_url):
    page = browser.new_page()
    watch = PageWatch(page, site_url.rstrip("/"))
    yield page, watch
    page.close()


@pytest.fixture
def scheme_page(browser):
    """A page whose scheme is the emulated system's: Material's stored palette choice is cleared at every load."""
    page = browser.new_page()
    page.add_init_script("localStorage.clear()")
    yield page
    page.close()


@pytest.fixture(scope="session")
def published_url(site, serve, tmp_path_factory) -> str:
    """The built site under the path it is published at (e.g. /course/), as GitHub Pages serves it.

    Material's 404 page links its styles from the site's root path, so only this way does it load styled.
    """
    from urllib.parse import urlparse

    prefix = urlparse(site.config["site_url"] or "/").path.strip("/")
    if not prefix:
        return serve(site.root)
    host_root = tmp_path_factory.mktemp("published")
    (host_root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (host_root / prefix).symlink_to(site.root, target_is_directory=True)
    return serve(host_root) + prefix + "/"
