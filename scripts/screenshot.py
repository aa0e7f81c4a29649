"""The README's screenshot of a module page, taken by headless Chromium from a fresh build.

    .venv/bin/python scripts/screenshot.py        (writes .github/images/module-page.png)

Rerun it when the look of the module pages changes, and commit the result.
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.bench.gzip_server import start  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402

OUTPUT = ROOT / ".github" / "images" / "module-page.png"
PAGE = "management/"
# Wide enough for Material's navigation, the page and its table of contents side by side.
VIEWPORT = {"width": 1280, "height": 760}


def main() -> None:
    with tempfile.TemporaryDirectory() as site_dir, sync_playwright() as playwright:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir, strict=True))
        url, server = start(site_dir)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
        page.goto(url + PAGE, wait_until="networkidle")
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT))
        browser.close()
        server.shutdown()
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
