"""make bench: what our code costs the build, how the build grows, what a reader downloads, and Lighthouse.

Prints figures and asserts nothing: timings belong to the machine they were taken on. Every timing is the median
of BENCH_RUNS runs (default 5), and every ratio compares figures taken in the same run of this script.

    python -m tests.bench.bench [build] [scale] [weight] [lighthouse] [ab] [test] [readability]
    (no argument: all seven)

The last lines are a summary of the targets the sections that ran can check (Lighthouse performance, Total
Blocking Time against stock Material on the same text, embed-view weight, the test suite's wall time), each
marked PASS or FAIL.
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
# BENCH_PAGES="management/ all-in-one/" measures only those pages (each beside its stock peer) in `lighthouse`.
ONLY_PAGES = os.environ.get("BENCH_PAGES", "").split()
# BENCH_AB_PAGE=all-in-one/ runs the `ab` section on that page instead of the module page with the most elements.
AB_PAGE = os.environ.get("BENCH_AB_PAGE")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# The parts of the repository a build reads; the copies the benchmarks change live in a temporary folder.
PROJECT_PARTS = ("docs", "macros", "overrides", "mkdocs.yml", "CONTRIBUTING.md", "LICENSE", "LICENSE-CONTENT.md",
                 "CITATION.cff")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# Lighthouse measures every page a reader reaches from the navigation, and one embed view (they share a template).
NOT_READERS_PAGES = ("embed/", "downloads/")
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
            print(f"embed views: {len(embeds)}, largest {max(embeds) / 1024:.1f} KB (target: under {EMBED_KB_TARGET} KB)")
            check("largest embed view (first visit, gzip)", f"{max(embeds) / 1024:.1f} KB of {len(embeds)} views",
                  f"< {EMBED_KB_TARGET} KB", max(embeds) / 1024 < EMBED_KB_TARGET)
        browser.close()
        server.shutdown()
        stock_server.shutdown()


def kinds(weights: dict[str, int]) -> str:
    return ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(weights.items(), key=lambda kv: -kv[1]))


# 4. Lighthouse, mobile and desktop, each page beside a stock Material page of the same text.

# Where a block of running text starts; headings keep their level in the stock copy.
TEXT_BLOCKS = {"p", "li", "dt", "dd", "th", "td", "caption", "legend", "label", "summary", "figcaption"}
HEADINGS = {"h1": "#", "h2": "##", "h3": "###", "h4": "####", "h5": "#####", "h6": "######"}
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|{}])")
PERFORMANCE_TARGET = 98
TBT_RATIO_TARGET = 1.2
EMBED_KB_TARGET = 40
TEST_SECONDS_TARGET = 240
# Every section adds its checks against the targets here; the summary at the end prints them.
CHECKS: list[tuple[str, str, str, bool]] = []


def check(what: str, measured: str, target: str, passed: bool) -> None:
    CHECKS.append((what, measured, target, passed))


def readers_pages(site_root: Path) -> tuple[str, ...]:
    """Every page of the built site as its directory URL ("" for the home page), without embed views and downloads."""
    pages = []
    for path in sorted(site_root.rglob("index.html")):
        url = path.relative_to(site_root).as_posix().removesuffix("index.html")
        if not url.startswith(NOT_READERS_PAGES):
            pages.append(url)
    return tuple(pages)


def same_text_markdown(page_html: str) -> str:
    """The words and headings of a built page's article as plain Markdown paragraphs: stock Material's peer.

    Every block of text (paragraph, list item, table cell, quiz option...) becomes one paragraph, so the stock
    page carries the same words under the same headings, without our markup.
    """
    import lxml.html

    article = lxml.html.fromstring(page_html).find(".//article")
    for unwanted in article.xpath(".//script | .//style | .//a[contains(@class, 'headerlink')]"):
        unwanted.drop_tree()
    blocks = []
    for element in article.iter():
        if not isinstance(element.tag, str) or element.tag not in TEXT_BLOCKS | HEADINGS.keys():
            continue
        if any(inner.tag in TEXT_BLOCKS | HEADINGS.keys() for inner in element.iterdescendants()
               if isinstance(inner.tag, str)):
            continue
        text = MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(element.text_content().split()))
        text = re.sub(r"^(\d+)\.", r"\1\\.", text)
        if text:
            blocks.append(f"{HEADINGS[element.tag]} {text}" if element.tag in HEADINGS else text)
    return "\n\n".join(blocks) + "\n"


def stock_peers(folder: Path, site_root: Path, pages: tuple[str, ...]) -> Path:
    """One stock Material site holding, for each page, a page of the same text; built into folder/site.

    Stock apart from `font: false`, which our site sets too: this machine reaches no font host.
    """
    (folder / "docs").mkdir(parents=True)
    for page in pages:
        source = folder / "docs" / page / "index.md"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(same_text_markdown((site_root / page / "index.html").read_text(encoding="utf-8")),
                          encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Stock peer\ntheme:\n  name: material\n  font: false\n",
                                       encoding="utf-8")
    build_once(folder / "mkdocs.yml", folder / "site")
    return folder / "site"


def lighthouse(url: str, desktop: bool = False) -> dict[str, float] | None:
    """One Lighthouse run: the four category scores and Total Blocking Time (ms); None if the run failed."""
    command = [str(ROOT / "node_modules" / ".bin" / "node"), str(ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"),
               url, "--output=json", "--output-path=stdout", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if desktop:
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    try:
        report = json.loads(result.stdout)
        scores = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
        return {**scores, "tbt": report["audits"]["total-blocking-time"]["numericValue"]}
    except (ValueError, KeyError, TypeError):
        print(f"    Lighthouse failed on {url}: {result.stderr.strip()[-300:]}")
        return None


def rounds(urls: dict[str, str], desktop: bool = False) -> dict[str, list[dict[str, float]]]:
    """RUNS Lighthouse runs of every URL, taken in turn (a, b, c, a, b, c...) so that a busy spell on the
    machine falls on all of them alike rather than on one."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    for _ in range(RUNS):
        for name, url in urls.items():
            if (run := lighthouse(url, desktop)) is not None:
                runs[name].append(run)
    return runs


def spread(values: list[float], unit: str = "") -> str:
    """Median (min–max) of the runs."""
    if not values:
        return "no run"
    return f"{statistics.median(values):.0f}{unit} ({min(values):.0f}–{max(values):.0f})"


def tbt_ratio(ours: list[dict], stock: list[dict]) -> float | None:
    if not ours or not stock:
        return None
    # A stock page can block for 0 ms; 1 ms keeps the ratio finite and still fails anything measurable.
    return statistics.median(r["tbt"] for r in ours) / max(statistics.median(r["tbt"] for r in stock), 1)


def bench_lighthouse() -> None:
    if not (ROOT / "node_modules" / "lighthouse").is_dir():
        sys.exit("Lighthouse is not installed: run `npm ci` (make bench does)")
    with tempfile.TemporaryDirectory() as tmp:
        host, prefix = published_site(Path(tmp) / "host")
        site = BuiltSite(host / prefix, None)
        embed = next((page.removesuffix("index.html") for page in site.pages if page.startswith("embed/")), None)
        pages = tuple(page for page in readers_pages(host / prefix) if not ONLY_PAGES or page in ONLY_PAGES)
        stock_root = stock_peers(Path(tmp) / "stock", host / prefix, pages)
        shutil.copytree(stock_root, host / "stock")
        url, server = start(host)
        version = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
        print(f"\n## Lighthouse {version}, mobile (median of {RUNS}, (min–max)), each page beside stock Material with"
              " the same text, taken in turn")
        print(f"{'page':<34} {'performance':>12} {'stock':>12} {'TBT ms':>14} {'stock TBT ms':>14} {'ratio':>6}"
              f"  {'a11y':>4} {'BP':>4} {'SEO':>4}")
        urls = {}
        for page in pages:
            urls[page] = url + prefix + page
            urls["stock:" + page] = url + "stock/" + page
        if embed:
            urls[embed] = url + prefix + embed
        runs = rounds(urls)
        for page in pages + ((embed,) if embed else ()):
            ours, stock = runs[page], runs.get("stock:" + page, [])
            ratio = tbt_ratio(ours, stock)
            others = " ".join(f"{statistics.median(r[name] for r in ours):4.0f}" if ours else "   -"
                              for name in CATEGORIES[1:])
            print(f"{'/' + page:<34} {spread([r['performance'] for r in ours]):>12}"
                  f" {spread([r['performance'] for r in stock]) if stock else '':>12}"
                  f" {spread([r['tbt'] for r in ours]):>14} {spread([r['tbt'] for r in stock]) if stock else '':>14}"
                  f" {f'{ratio:.2f}' if ratio is not None else '':>6}  {others}")
            performance = statistics.median(r["performance"] for r in ours) if ours else 0
            check(f"mobile performance /{page}", spread([r["performance"] for r in ours]),
                  f">= {PERFORMANCE_TARGET}", performance >= PERFORMANCE_TARGET)
            if stock:
                check(f"TBT /{page} vs stock, same text",
                      f"{ratio:.2f}x ({statistics.median(r['tbt'] for r in ours):.0f} vs "
                      f"{statistics.median(r['tbt'] for r in stock):.0f} ms)" if ratio is not None else "no run",
                      f"<= {TBT_RATIO_TARGET}x", ratio is not None and ratio <= TBT_RATIO_TARGET)
        print(f"\n## Lighthouse {version}, desktop (median of {RUNS})")
        desktop = rounds({page: url + prefix + page for page in pages + ((embed,) if embed else ())},
                         desktop=True)
        for page, page_runs in desktop.items():
            print(f"{'/' + page:<34} {spread([r['performance'] for r in page_runs]):>12}"
                  f" {spread([r['tbt'] for r in page_runs], ' ms'):>16}")
        server.shutdown()


# 5. A/B: what costs the heaviest page its time. Each variant switches one Material feature or one kind of our
# markup off; all are measured in turn in the same run, beside stock Material with the same text.

FEATURES = ("content.tooltips", "toc.follow", "search.highlight", "navigation.sections")


def our_scripts() -> list[str]:
    return [path.rsplit("/", 1)[-1] for path in raw_config(ROOT / "mkdocs.yml").get("extra_javascript", [])]


# Each kind of our markup, as an XPath to what goes (drop) or to the tags unwrapped to their text (unwrap).
MARKUP = {
    "glossary links and <abbr> tooltips": ("unwrap", "//a[contains(@class, 'glossary-term')] | //article//abbr"),
    "heading permalinks": ("drop", "//a[contains(@class, 'headerlink')]"),
    "quiz fieldsets": ("drop", "//div[contains(concat(' ', @class, ' '), ' quiz ')]"),
    "long tables (10+ rows)": ("drop", "//div[table[count(.//tr) >= 10]] | //article//table[count(.//tr) >= 10]"),
    "embed dialog and buttons": ("drop", "//script[@id='embed-targets']"),
    "our stylesheet": ("drop", "//link[contains(@href, 'stylesheets/course.css')]"),
    "our scripts": ("drop", " | ".join(f"//script[contains(@src, '/{name}')]" for name in our_scripts())),
    "every script (the floor)": ("drop", "//script"),
}


def heaviest_module_page(site_root: Path, pages: tuple[str, ...]) -> str:
    """The module page (the pages with embed codes, which hold every kind of markup above) with the most elements."""
    html = {page: (site_root / page / "index.html").read_text(encoding="utf-8") for page in pages}
    return max((page for page in pages if 'id="embed-targets"' in html[page]), key=lambda page: html[page].count("<"))


def without_feature(feature: str, folder: Path, site_dir: Path) -> None:
    """Build the site with one theme feature switched off."""
    config_file = copy_project(folder)
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(re.sub(rf"^\s*- {re.escape(feature)}\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    build_once(config_file, site_dir)


def rewritten(page_file: Path, action: str, xpath: str) -> None:
    """Drop or unwrap what xpath finds in one built page (nothing when it is empty)."""

    def change(document) -> None:
        for element in document.xpath(xpath) if xpath else []:
            element.drop_tree() if action == "drop" else element.drop_tag()

    rewrite(page_file, change)


def with_materials_palette(page_file: Path) -> None:
    """The light and dark toggle handed back to Material's palette component, as before our header script
    (overrides/partials/palette.html) took it over."""

    def change(document) -> None:
        (form,) = document.xpath("//form[@data-course-palette]")
        form.getnext().drop_tree()
        del form.attrib["data-course-palette"]
        form.set("data-md-component", "palette")

    rewrite(page_file, change)


def rewrite(page_file: Path, change) -> None:
    """Rewrite one built page with lxml; every variant, the untouched one too, goes through the same serialiser."""
    import lxml.html

    document = lxml.html.fromstring(page_file.read_text(encoding="utf-8"))
    change(document)
    page_file.write_text(lxml.html.tostring(document, doctype="<!doctype html>", encoding="unicode"), encoding="utf-8")


# Lighthouse's mobile device (a Moto G Power) and its CPU slowdown.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
LONG_TASK_MS = 50


def main_thread_cpu(browser, url: str) -> dict[str, float]:
    """CPU time of the page's main thread while it loads and settles, from a Chromium trace.

    Lighthouse times tasks by the clock, so on a busy machine a task waiting for a core looks long. A trace also
    records each task's CPU time (tdur), which other processes hardly change: "cpu" is the sum over the page's
    top-level tasks, and "blocking" is Total Blocking Time worked out the same way from CPU time slowed down as
    Lighthouse slows it (the sum over tasks of CPU time x 4 - 50 ms, where positive).
    """
    context = browser.new_context(**MOBILE)
    page = context.new_page()
    browser.start_tracing(page=page, categories=["disabled-by-default-devtools.timeline", "toplevel"])
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    main_threads = {(e["pid"], e["tid"]) for e in events
                    if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    by_thread: dict[tuple, list[float]] = {}
    for event in events:
        if event.get("name") == "RunTask" and event.get("ph") == "X" and (event["pid"], event["tid"]) in main_threads:
            by_thread.setdefault((event["pid"], event["tid"]), []).append(event.get("tdur", 0) / 1000)
    tasks = max(by_thread.values(), key=sum, default=[])  # the page's renderer, not an idle one
    return {"cpu": sum(tasks), "blocking": sum(max(0.0, t * CPU_SLOWDOWN - LONG_TASK_MS) for t in tasks)}


def cpu_rounds(urls: dict[str, str]) -> dict[str, list[dict[str, float]]]:
    """RUNS traces of every URL, in turn, after one visit that is not counted (it starts the browser's processes)."""
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        main_thread_cpu(browser, next(iter(urls.values())))
        for _ in range(RUNS):
            for name, url in urls.items():
                runs[name].append(main_thread_cpu(browser, url))
        browser.close()
    return runs


def bench_ab() -> None:
    if not (ROOT / "node_modules" / "lighthouse").is_dir():
        sys.exit("Lighthouse is not installed: run `npm ci` (make bench does)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        host, prefix = published_site(tmp / "host" / "as-built")
        page = AB_PAGE or heaviest_module_page(host / prefix, readers_pages(host / prefix))
        rewritten(host / prefix / page / "index.html", "", "")
        variants = {"as built": f"as-built/{prefix}{page}"}
        for number, feature in enumerate(FEATURES):
            without_feature(feature, tmp / f"project-{number}", tmp / "host" / f"feature-{number}" / prefix)
            rewritten(tmp / "host" / f"feature-{number}" / prefix / page / "index.html", "", "")
            variants[f"theme feature off: {feature}"] = f"feature-{number}/{prefix}{page}"
        for number, (markup, (action, xpath)) in enumerate(MARKUP.items()):
            shutil.copytree(host / prefix, tmp / "host" / f"markup-{number}" / prefix)
            rewritten(tmp / "host" / f"markup-{number}" / prefix / page / "index.html", action, xpath)
            variants[f"markup off: {markup}"] = f"markup-{number}/{prefix}{page}"
        shutil.copytree(host / prefix, tmp / "host" / "material-palette" / prefix)
        with_materials_palette(tmp / "host" / "material-palette" / prefix / page / "index.html")
        variants["palette run by Material's component"] = f"material-palette/{prefix}{page}"
        shutil.copytree(stock_peers(tmp / "stock", host / prefix, (page,)), tmp / "host" / "stock")
        variants["stock Material, same text"] = f"stock/{page}"
        url, server = start(tmp / "host")
        print(f"\n## A/B on /{page} (the module page with the most elements): Lighthouse mobile, median of {RUNS} (min–max),"
              " variants taken in turn")
        urls = {name: url + path for name, path in variants.items()}
        runs = rounds(urls)
        cpu = cpu_rounds(urls)
        server.shutdown()
    base, stock = runs["as built"], runs["stock Material, same text"]
    base_tbt = statistics.median(r["tbt"] for r in base) if base else None
    base_cpu = statistics.median(r["blocking"] for r in cpu["as built"])
    stock_cpu = statistics.median(r["blocking"] for r in cpu["stock Material, same text"])
    print("Lighthouse: performance and Total Blocking Time as Lighthouse measures them (by the clock).")
    print("Trace: main-thread CPU time of the same page in Chromium, and Total Blocking Time worked out from CPU"
          " time x4; much steadier on a busy machine.")
    print(f"{'variant':<45} {'performance':>11} {'TBT ms':>14} {'vs built':>9} {'vs stock':>8}"
          f" | {'trace CPU ms':>13} {'CPU TBT ms':>13} {'vs built':>9} {'vs stock':>8}")
    for name, variant_runs in runs.items():
        tbt = statistics.median(r["tbt"] for r in variant_runs) if variant_runs else None
        versus_base = f"{tbt - base_tbt:+.0f}" if tbt is not None and base_tbt is not None else ""
        ratio = tbt_ratio(variant_runs, stock)
        blocking = statistics.median(r["blocking"] for r in cpu[name])
        print(f"{name:<45} {spread([r['performance'] for r in variant_runs]):>11}"
              f" {spread([r['tbt'] for r in variant_runs]):>14} {versus_base:>9}"
              f" {f'{ratio:.2f}x' if ratio is not None else '':>8}"
              f" | {spread([r['cpu'] for r in cpu[name]]):>13} {spread([r['blocking'] for r in cpu[name]]):>13}"
              f" {blocking - base_cpu:>+9.0f} {blocking / max(stock_cpu, 1):>7.2f}x")


# 6. The test suite: how long `make test` takes here (never a timed test).

# A fixed pure-Python loop, run on every core at once before each `make test`: this machine's speed drifts by as
# much as a fifth within hours, and the loop's time, taken in the same run, shows how fast it was.
REFERENCE_LOOP = "sum(i * i for i in range(60_000_000))"


def machine_reference() -> float:
    started = time.perf_counter()
    loops = [subprocess.Popen([sys.executable, "-c", REFERENCE_LOOP]) for _ in range(os.cpu_count() or 1)]
    for loop in loops:
        loop.wait()
    return time.perf_counter() - started


def bench_test() -> None:
    print(f"\n## make test ({RUNS} runs, {os.cpu_count()} cores; the reference loop just before each)")
    walls, references, failed = [], [], 0
    for run in range(1, RUNS + 1):
        references.append(machine_reference())
        started = time.perf_counter()
        result = subprocess.run(["make", "--no-print-directory", "test"], cwd=ROOT, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        summary = [line for line in result.stdout.splitlines() if line.startswith("=") and " in " in line]
        print(f"run {run}: wall time {walls[-1]:.0f} s, exit {result.returncode};"
              f" {summary[-1].strip('= ') if summary else ''}; reference loop {references[-1]:.2f} s")
        if result.returncode:
            failed += 1
            print(result.stdout[-2000:] + result.stderr[-2000:])
    print(f"median wall time {spread(walls, ' s')}; reference loop {statistics.median(references):.2f} s"
          f" ({min(references):.2f}–{max(references):.2f})")
    check("make test wall time", f"{spread(walls, ' s')}, {failed} failed", f"< {TEST_SECONDS_TARGET} s",
          statistics.median(walls) < TEST_SECONDS_TARGET and not failed)


def summary() -> None:
    if not CHECKS:
        return
    print(f"\n## Summary against the targets ({RUNS} runs each; figures from this run only)")
    print(f"{'check':<60} {'measured':<34} {'target':<10} result")
    for what, measured, target, passed in CHECKS:
        print(f"{what:<60} {measured:<34} {target:<10} {'PASS' if passed else 'FAIL'}")
    failed = sum(not passed for *_, passed in CHECKS)
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} targets met" + (f"; {failed} not met" if failed else ""))


SECTIONS = {"build": bench_build, "scale": bench_scale, "weight": bench_weight, "lighthouse": bench_lighthouse,
            "ab": bench_ab, "test": bench_test, "readability": bench_readability}

if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    chosen = sys.argv[1:] or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section {', '.join(unknown)}; choose from: {' '.join(SECTIONS)}")
    print(f"make bench: {', '.join(chosen)}; {RUNS} runs each; {os.cpu_count()} cores;"
          f" load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    for name in chosen:
        SECTIONS[name]()
    summary()
