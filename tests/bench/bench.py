"""make bench: what our code costs the build, how the build grows, what a reader downloads, and Lighthouse.

Prints figures and asserts nothing: timings belong to the machine they were taken on. Every timing is the median
of BENCH_RUNS runs (default 5), and every ratio compares figures taken in the same run of this script.

    python -m tests.bench.bench [build] [scale] [weight] [lighthouse] [readability]    (no argument: all five)
"""

import copy
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from tests.bench.gzip_server import start
from tests.bench.readability import bench_readability
from tests.helpers import BuiltSite
from tests.site.test_links import broken_links

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# The parts of the repository a build reads; the copies the benchmarks change live in a temporary folder.
PROJECT_PARTS = ("docs", "macros", "overrides", "mkdocs.yml", "CONTRIBUTING.md", "LICENSE", "LICENSE-CONTENT.md",
                 "CITATION.cff")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
LIGHTHOUSE_PAGES = ("", "management/", "leadership/", "differences/", "conclusion/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def median_seconds(action, *args, **kwargs) -> float:
    """The median time of RUNS calls of action(*args, **kwargs)."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def copy_project(into: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, into / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, into / part)
    return into / "mkdocs.yml"


def raw_config(config_file: Path) -> dict:
    with open(config_file, encoding="utf-8") as file:
        return yaml_load(file)


def build_once(config_file: Path, site_dir: Path, strict: bool = True, **overrides) -> None:
    logger = logging.getLogger("mkdocs")
    # A build that is not strict may warn (links to files only our hooks make); those warnings are expected.
    level = logger.level
    logger.setLevel(logging.WARNING if strict else logging.ERROR)
    try:
        # load_config changes the lists and dicts it is given: each build gets its own copy.
        build(load_config(str(config_file), site_dir=str(site_dir), strict=strict, **copy.deepcopy(overrides)))
    finally:
        logger.setLevel(level)


# 1. Build: our macros and hooks against the same pages without them.

def bench_build() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full_config = copy_project(tmp / "full")
        stock_config = copy_project(tmp / "stock")
        for page in (tmp / "stock" / "docs").rglob("*.md"):
            page.write_text(JINJA.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
        plugins = [p for p in raw_config(stock_config)["plugins"]
                   if p != "macros" and not (isinstance(p, dict) and "macros" in p)]
        full = median_seconds(build_once, full_config, tmp / "site-full")
        # Without the hooks the embed views and downloads the pages link to are not made: not strict.
        stock = median_seconds(build_once, stock_config, tmp / "site-stock", strict=False, plugins=plugins, hooks=[])
    print(f"\n## Build (median of {RUNS})")
    print(f"full strict build:                       {full:6.2f} s")
    print(f"same pages, our macros and hooks off:    {stock:6.2f} s")
    print(f"our share of the build time:             {(full - stock) / full:6.1%}   (target: under 15%)")


# 2. Scale: 1,000 dimensions and 200 generated pages.

def generate(project: Path, pages: int, cards_per_page: int = 5) -> dict:
    """Add pages * cards_per_page generated dimensions and as many pages that show them; the nav to use."""
    data_file = project / "docs" / "data" / "comparison.yml"
    data = raw_config(data_file)
    source, group = data["sources"][0]["id"], data["groups"][0]["id"]
    data["dimensions"] += [
        {"id": f"generated-{n:04d}", "name": f"Generated dimension {n}", "group": group,
         "management": f"What management does in generated case {n}",
         "leadership": f"What leadership does in generated case {n}", "sources": [source]}
        for n in range(pages * cards_per_page)]
    data_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    folder = project / "docs" / "generated"
    folder.mkdir()
    for page in range(pages):
        cards = "\n\n".join(f'{{{{ dimension_card("generated-{page * cards_per_page + i:04d}") }}}}'
                            for i in range(cards_per_page))
        (folder / f"page-{page:03d}.md").write_text(
            f"# Generated page {page}\n\nA page as the course writes them {{{{ cite(\"{source}\") }}}}, "
            f"with a link to [the differences](../differences/index.md).\n\n{cards}\n", encoding="utf-8")
    nav = raw_config(project / "mkdocs.yml")["nav"]
    return {"nav": nav + [{"Generated": [f"generated/page-{page:03d}.md" for page in range(pages)]}]}


def bench_scale() -> None:
    print(f"\n## Scale (median of {RUNS})")
    print(f"{'dimensions':>10} {'pages':>6} {'HTML MB':>8} {'build s':>8} {'ms/page':>8} {'s/MB':>6} {'links':>7}"
          f" {'link check s':>13} {'µs/link':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for generated_pages in (0, 50, 100, 200):
            project = Path(tmp) / f"scale-{generated_pages}"
            config_file = copy_project(project)
            overrides = generate(project, generated_pages) if generated_pages else {}
            site_dir = project / "site"
            built = median_seconds(build_once, config_file, site_dir, **overrides)
            config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
            dimensions = len(raw_config(project / "docs" / "data" / "comparison.yml")["dimensions"])
            site = BuiltSite(site_dir, config)
            pages, links = len(site.pages), sum(len(p.parser.links) for p in site.pages.values())
            megabytes = sum(p.path.stat().st_size for p in site.pages.values()) / 1e6
            checked = median_seconds(check_links, site_dir, config)
            rows.append((pages, megabytes, built, links, checked))
            print(f"{dimensions:>10} {pages:>6} {megabytes:8.1f} {built:8.2f} {built / pages * 1000:8.1f}"
                  f" {built / megabytes:6.2f} {links:>7} {checked:13.3f} {checked / links * 1e6:8.1f}")
    (small_pages, small_mb, small_build, small_links, small_check) = rows[0]
    (pages, megabytes, built, links, checked) = rows[-1]
    print(f"from the real site to the largest: pages x{pages / small_pages:.1f}, HTML x{megabytes / small_mb:.1f},"
          f" build time x{built / small_build:.1f}; links x{links / small_links:.1f},"
          f" link-check time x{checked / small_check:.1f}")
    print("Every page carries the whole navigation (Material), so HTML and links grow faster than the page count;"
          " linear means time per MB and per link stay flat.")


def check_links(site_dir: Path, config) -> list[str]:
    """The link check of the tests, on a freshly read site (BuiltSite caches the pages it has parsed)."""
    return broken_links(BuiltSite(site_dir, config))


# 3. Page weight: what a reader downloads, gzipped as GitHub Pages serves it.

def weigh(browser, url: str) -> tuple[dict[str, int], list[str]]:
    """Bytes transferred by one cold visit (no cache), by kind of resource; and the requests that failed."""
    context = browser.new_context()
    page = context.new_page()
    requests, failed = [], []
    page.on("requestfinished", lambda request: requests.append(request))
    page.on("requestfailed", lambda request: failed.append(request))
    page.goto(url, wait_until="networkidle")
    weights: dict[str, int] = {}
    for request in requests:
        sizes = request.sizes()
        kind = request.resource_type
        weights[kind] = weights.get(kind, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return weights, [request.url for request in failed]


def stock_material_site(folder: Path) -> Path:
    """A minimal Material for MkDocs site, as `mkdocs new` and the theme's defaults make it."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(
        "# Welcome\n\nA stock Material for MkDocs page with a few paragraphs of text.\n\n" * 3, encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\n", encoding="utf-8")
    build_once(folder / "mkdocs.yml", folder / "site")
    return folder / "site"


def published_site(folder: Path) -> tuple[Path, str]:
    """The real site built under the path it is published at (e.g. course/); the folder to serve and that path."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    prefix = config["site_url"].split("://", 1)[-1].split("/", 1)[-1].strip("/")
    build_once(ROOT / "mkdocs.yml", folder / prefix)
    return folder, prefix + "/" if prefix else ""


def bench_weight() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        host, prefix = published_site(tmp / "host")
        stock_url, stock_server = start(stock_material_site(tmp / "stock"))
        url, server = start(host)
        site = BuiltSite(host / prefix, None)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        print("\n## Page weight (bytes transferred on a first visit, gzip as GitHub Pages serves it)")
        stock, stock_failed = weigh(browser, stock_url)
        print(f"{'page':<58} {'total KB':>8}  by kind (KB)")
        print(f"{'stock Material for MkDocs page':<58} {sum(stock.values()) / 1024:8.1f}  {kinds(stock)}")
        for failed in stock_failed:
            print(f"    the stock page also asked for {failed} (not counted: this machine reaches no other host)")
        embeds = []
        for page in site.pages:
            weights, failed = weigh(browser, url + prefix + page)
            if failed:
                print(f"    {page} failed to load {failed}")
            total = sum(weights.values())
            if page.startswith("embed/"):
                embeds.append(total)
            print(f"{page:<58} {total / 1024:8.1f}  {kinds(weights)}")
        if embeds:
            print(f"embed views: {len(embeds)}, largest {max(embeds) / 1024:.1f} KB (target: under 40 KB)")
        browser.close()
        server.shutdown()
        stock_server.shutdown()


def kinds(weights: dict[str, int]) -> str:
    return ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(weights.items(), key=lambda kv: -kv[1]))


# 4. Lighthouse, mobile and desktop.

def lighthouse(url: str, desktop: bool) -> dict[str, float]:
    command = [str(ROOT / "node_modules" / ".bin" / "node"), str(ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"),
               url, "--output=json", "--output-path=stdout", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if desktop:
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(result.stdout)
    return {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}


def bench_lighthouse() -> None:
    if not (ROOT / "node_modules" / "lighthouse").is_dir():
        sys.exit("Lighthouse is not installed: run `npm ci` (make bench does)")
    with tempfile.TemporaryDirectory() as tmp:
        host, prefix = published_site(Path(tmp) / "host")
        site = BuiltSite(host / prefix, None)
        embed = next((page.removesuffix("index.html") for page in site.pages if page.startswith("embed/")), None)
        pages = LIGHTHOUSE_PAGES + ((embed,) if embed else ())
        url, server = start(host)
        version = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
        print(f"\n## Lighthouse {version} (median of {RUNS}): performance, accessibility, best practices, SEO")
        for form, desktop in (("mobile", False), ("desktop", True)):
            for page in pages:
                runs = [lighthouse(url + prefix + page, desktop) for _ in range(RUNS)]
                scores = [statistics.median(run[name] for run in runs) for name in CATEGORIES]
                print(f"{form:<8} {('/' + page):<50} " + " ".join(f"{score:5.0f}" for score in scores))
        server.shutdown()


SECTIONS = {"build": bench_build, "scale": bench_scale, "weight": bench_weight, "lighthouse": bench_lighthouse,
            "readability": bench_readability}

if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    chosen = sys.argv[1:] or list(SECTIONS)
    print(f"make bench: {', '.join(chosen)}; {RUNS} runs each; {os.cpu_count()} cores")
    for name in chosen:
        SECTIONS[name]()
