"""The offline copy: built once like `make build` builds it, unzipped, and opened from the file system."""

import zipfile

import pytest

from macros.outputs import offline
from tests.browser.conftest import PageWatch
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    zip_path = folder / "offline.zip"
    offline.build_offline_zip(ROOT / "mkdocs.yml", zip_path)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder / offline.TOP_FOLDER


def test_pages_link_to_files_not_folders_and_load_nothing_from_elsewhere(offline_copy):
    pages = sorted(offline_copy.rglob("*.html"))
    assert (offline_copy / "index.html").is_file() and len(pages) > 5
    assert not (offline_copy / "embed").exists(), "embed views are for the published site only"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, page
        assert 'href="management/"' not in html and 'href="../management/"' not in html, page
    index = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/vendor/iframe-worker/shim.js" in index
    assert (offline_copy / "search/search_index.js").is_file()


@pytest.mark.browser
def test_the_copy_works_from_the_file_system_search_included(browser, offline_copy):
    page = browser.new_page()
    watch = PageWatch(page, "file://")
    page.goto((offline_copy / "index.html").as_uri(), wait_until="load")
    page.locator("article a[href='management/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/management/index.html")
    assert page.locator("h1").first.inner_text().startswith("Management")
    page.set_viewport_size({"width": 1280, "height": 800})
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Fayol", delay=30)  # Material searches as keys are typed
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert watch.problems() == {}
    page.close()
