"""make bench compares each page with stock Material rendering the same text: the peer must carry the same words."""

import re

import lxml.html
import markdown

from tests.bench.bench import readers_pages, same_text_markdown, with_materials_palette

PAGE = """<!doctype html><html><body><nav>Navigation words</nav><article class="md-content__inner">
<h1 id="t">The differences <a class="headerlink" href="#t">¶</a></h1>
<p>Managers plan *budgets* and [sometimes] use <a class="glossary-term" href="g" title="x">authority</a>.</p>
<ul><li><p>First point</p></li><li>1. Second point</li></ul>
<table><caption>Compared</caption><tr><th>Dimension</th><td>Focus | stability</td></tr></table>
<fieldset><legend>Question 1 of 2</legend><label><input type="radio"> <span>True</span></label></fieldset>
<script>var hidden = "not text";</script></article></body></html>"""


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


def test_the_stock_peer_has_the_same_words_under_the_same_headings():
    peer = same_text_markdown(PAGE)
    assert peer.startswith("# The differences\n")
    rendered = lxml.html.fromstring(markdown.markdown(peer)).text_content()
    article = lxml.html.fromstring(PAGE).find(".//article")
    for unwanted in article.xpath(".//script | .//a[@class='headerlink']"):
        unwanted.drop_tree()
    assert words(rendered) == words(" ".join(article.itertext()))
    assert "Navigation" not in peer and "not text" not in peer
    assert "<table" not in markdown.markdown(peer) and "<ol" not in markdown.markdown(peer), "stock markup only"


def test_every_readers_page_is_measured_but_no_embed_view_or_download(tmp_path):
    for page in ("index.html", "management/index.html", "instructors/guide/index.html",
                 "embed/management/index.html", "downloads/links/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>", encoding="utf-8")
    assert readers_pages(tmp_path) == ("", "instructors/guide/", "management/")


def test_the_palette_variant_hands_the_toggle_back_to_materials_component(site, tmp_path):
    """make bench's `ab` section measures the page as Material ran the toggle, beside our header script."""
    page_file = tmp_path / "index.html"
    page_file.write_text(site.page("management/index.md").path.read_text(encoding="utf-8"), encoding="utf-8")
    with_materials_palette(page_file)
    header = lxml.html.fromstring(page_file.read_text(encoding="utf-8")).find(".//header")
    (form,) = header.xpath(".//form[@data-md-component='palette']")
    assert form.get("data-course-palette") is None
    assert len(form.xpath(".//input[@name='__palette']")) == 2
    assert not [script for script in header.iter("script") if "data-md-color-" in (script.text or "")
                and "__md_set" in script.text]
