"""What the build produces for instructors: downloads, cartridges, embed views and page metadata."""

import csv
import gzip
import io
import json
import re
from urllib.parse import urldefrag

import pytest
import yaml

from tests.cartridge_check import SHARED_1_3, cartridge_problems, weblinks
from tests.conftest import ROOT

YAML_FILE = ROOT / "docs/data/comparison.yml"
EMBED_BUDGET_BYTES = 40_000  # gzip-compressed transfer of one embed view: HTML, stylesheets and script


def download(site, name):
    return (site.root / "downloads" / name).read_bytes()


def test_the_downloads_hold_exactly_what_the_yaml_holds(site):
    data = yaml.safe_load(YAML_FILE.read_text(encoding="utf-8"))
    assert download(site, "comparison.yml") == YAML_FILE.read_bytes()
    assert json.loads(download(site, "comparison.json")) == data
    rows = list(csv.DictReader(io.StringIO(download(site, "comparison.csv").decode("utf-8"))))
    assert len(rows) == len(data["dimensions"])
    for row, dimension in zip(rows, data["dimensions"]):
        expected = {key: "; ".join(value) if isinstance(value, list) else str(value)
                    for key, value in dimension.items()}
        assert {key: value for key, value in row.items() if value != ""} == expected, dimension["id"]


@pytest.mark.parametrize("page", ["differences/index.md", "instructors/index.md", "instructors/embedding.md"])
def test_the_downloads_are_linked(site, page):
    links = [link for _, link in site.page(page).parser.links]
    for name in ("comparison.json", "comparison.csv", "comparison.yml"):
        assert any(link.endswith(f"downloads/{name}") for link in links), name


@pytest.mark.parametrize("name, version", [("leading-and-managing.imscc", "1.1"),
                                           ("leading-and-managing-thin-cc13.imscc", "1.3")])
def test_the_cartridges_are_valid_and_complete(site, name, version):
    check_schema = version == "1.1" or SHARED_1_3.is_dir()
    assert cartridge_problems(download(site, name), version, check_manifest_schema=check_schema) == []


def test_cartridge_links_point_at_built_pages_and_their_sections(site, course):
    site_url = site.config["site_url"]
    links = weblinks(download(site, "leading-and-managing.imscc"))
    targets = {url for _, url in links}
    for module in course.modules:
        assert site_url + module.page.removesuffix("index.md") in targets, module.id
    for title, url in links:
        assert url.startswith(site_url), url
        page_url, anchor = urldefrag(url.removeprefix(site_url))
        page = site.pages.get(page_url + "index.html")
        assert page is not None, f"{title}: no built page for {url}"
        assert not anchor or anchor in page.parser.ids, f"{title}: no section #{anchor} on {page_url}"


def module_page_sections(site, module):
    page = site.page(module.page)
    return [attributes["id"] for tag, attributes in page.parser.tags
            if tag == "h2" and attributes.get("id")
            and re.search(rf'<h2 id="{re.escape(attributes["id"])}"', page.html)]


def test_every_module_page_and_section_has_an_embed_view(site, course):
    for module in course.modules:
        assert (site.root / f"embed/{module.id}/index.html").is_file(), module.id
        sections = module_page_sections(site, module)
        assert sections, module.id
        for section in sections:
            assert (site.root / f"embed/{module.id}/{section}/index.html").is_file(), (module.id, section)


def test_every_comparison_table_has_an_embed_view(site, course):
    for module in course.modules:
        html = site.page(module.page).html
        for table in re.findall(r'<div class="comparison-table".*?</table>', html, flags=re.DOTALL):
            groups = re.findall(r'<tbody data-group="([^"]+)"', table)
            key = f"table-{groups[0]}" if len(groups) == 1 else "table-all"
            assert (site.root / f"embed/{module.id}/{key}/index.html").is_file(), (module.id, key)


def embed_views(site):
    return {url: page for url, page in site.pages.items() if url.startswith("embed/")}


def test_embed_views_have_no_site_chrome_and_credit_the_course(site):
    views = embed_views(site)
    assert views
    for url, page in views.items():
        tags = {tag for tag, _ in page.parser.tags}
        assert not tags & {"header", "nav", "footer", "form"}, url
        assert "Leading & Managing" in page.text and "CC BY 4.0" in page.text, url
        assert "Open the full page" in page.text, url
        scripts = [attributes.get("src", "") for tag, attributes in page.parser.tags if tag == "script"]
        holds_quiz = any("quiz" in (attributes.get("class") or "").split() for _, attributes in page.parser.tags)
        expected = ["embed-resize.js", "progress.js", "quiz.js"] if holds_quiz else ["embed-resize.js"]
        assert [src.rsplit("/", 1)[-1] for src in scripts] == expected, url


def transfer_bytes(site, page) -> tuple[int, int]:
    """(raw, gzip) bytes a browser fetches for one page: the HTML and its local stylesheets and scripts."""
    files = [page.path]
    for tag, link in page.parser.links:
        if tag in ("link", "script"):
            target, _ = site.resolve(page.url, link)
            if target is not None and target.is_file():
                files.append(target)
    contents = [path.read_bytes() for path in files]
    return sum(map(len, contents)), sum(len(gzip.compress(content)) for content in contents)


def test_embed_views_are_light(site):
    sizes = {url: transfer_bytes(site, page) for url, page in embed_views(site).items()}
    heaviest = max(sizes, key=lambda url: sizes[url][1])
    print(f"\nEmbed views: {len(sizes)}; heaviest {heaviest}: {sizes[heaviest][0]} bytes, "
          f"{sizes[heaviest][1]} bytes gzip-compressed; median raw "
          f"{sorted(raw for raw, _ in sizes.values())[len(sizes) // 2]} bytes")
    assert {url: size for url, size in sizes.items() if size[1] > EMBED_BUDGET_BYTES} == {}


def test_module_pages_offer_an_embed_code_for_each_view(site, course):
    for module in course.modules:
        page = site.page(module.page)
        match = re.search(r'<script type="application/json" id="embed-targets">(.*?)</script>', page.html, re.DOTALL)
        assert match, module.id
        targets = json.loads(match.group(1))["targets"]
        keys = {target["key"] for target in targets}
        assert {""} | set(module_page_sections(site, module)) <= keys, module.id
        for target in targets:
            preview, _ = site.resolve(page.url, target["preview"])
            assert preview is not None and preview.is_file(), target["preview"]
            assert f'src="{site.config["site_url"]}embed/{module.id}/' in target["code"]


def test_every_page_has_learning_resource_metadata_and_the_attribution_line(site):
    for url, page in site.pages.items():
        if url.startswith(("embed/", "downloads/")) or url == "404.html" or "http-equiv=\"refresh\"" in page.html:
            continue
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.html, re.DOTALL)
        assert match, url
        data = json.loads(match.group(1))
        assert data["@type"] == "LearningResource" and data["license"].endswith("/licenses/by/4.0/"), url
        assert data["url"].startswith(site.config["site_url"]), url
        assert 'class="page-attribution' in page.html and "CC BY 4.0" in page.text, url
