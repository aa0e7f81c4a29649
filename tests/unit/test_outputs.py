"""The pure builders of macros/outputs/ (embed views, downloads, metadata), without a build."""

import csv
import io
import json
from pathlib import Path

import jinja2
import lxml.html
import yaml

from macros.outputs import downloads, embeds, metadata
from tests.unit.sample import MODULE

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_URL = "https://example.org/course/"

# Roughly what MkDocs renders from a module page: a title, sections, a table and a self-check.
ARTICLE = """
<h1 id="management">Management <a class="headerlink" href="#management" title="Permanent link">¶</a></h1>
<p>Intro with <a href="../references/#kotter">a citation</a> and <a href="https://example.com/x">an outside link</a>.</p>
<h2 id="what-management-is-for">What management is for</h2>
<p>See <a href="#kotter-table">the table</a> and <img src="../assets/images/chart.png" alt="A chart">.</p>
<h3 id="efficiency">Efficiency</h3><p>Less waste.</p>
<h2 id="the-tasks">The tasks</h2>
<div class="comparison-table" id="kotter-table"><table><caption>Kotter's three tasks</caption>
<tbody data-group="kotter"><tr><td>Planning</td></tr></tbody></table></div>
<h2 id="check-your-understanding">Check your understanding</h2>
<div class="quiz quiz-inline" data-context="inline"><fieldset><legend>Pause</legend></fieldset></div>
<div class="quiz" data-module="management" data-context="check"><fieldset><legend>Question 1</legend></fieldset></div>
"""


def views_by_key():
    return {view.key: view for view in embeds.split_views(ARTICLE, "management", "Management", "management/")}


def test_a_page_gives_one_view_per_section_table_and_quiz():
    views = embeds.split_views(ARTICLE, "management", "Management", "management/")
    assert [(v.kind, v.key) for v in views] == [
        ("page", ""), ("section", "what-management-is-for"), ("section", "the-tasks"),
        ("section", "check-your-understanding"), ("table", "table-kotter"), ("quiz", "quiz")]
    assert [v.path for v in views][:2] == ["embed/management/", "embed/management/what-management-is-for/"]


def test_a_section_holds_its_own_content_only_with_headings_moved_up_one_level():
    section = lxml.html.fragment_fromstring(views_by_key()["what-management-is-for"].body, create_parent="div")
    assert [h.tag for h in section.xpath(".//h1|.//h2|.//h3")] == ["h1", "h2"]
    assert "Less waste" in section.text_content()
    assert "Planning" not in section.text_content() and "Intro" not in section.text_content()


def test_links_open_outside_the_frame_and_still_reach_their_target():
    page = lxml.html.fragment_fromstring(views_by_key()[""].body, create_parent="div")
    links = {a.text_content(): a for a in page.iter("a")}
    assert all(a.get("target") == "_blank" and a.get("rel") == "noopener" for a in links.values())
    # From embed/management/ the references page is two folders up; outside links are untouched.
    assert links["a citation"].get("href") == "../../references/#kotter"
    assert links["an outside link"].get("href") == "https://example.com/x"
    section = lxml.html.fragment_fromstring(views_by_key()["what-management-is-for"].body, create_parent="div")
    assert section.xpath(".//a")[0].get("href") == "../../../management/#kotter-table"
    assert section.xpath(".//img")[0].get("src") == "../../../assets/images/chart.png"


def test_permalink_symbols_are_dropped():
    assert "¶" not in views_by_key()[""].body


def test_the_full_comparison_table_is_table_all():
    table = '<div class="comparison-table"><table><tbody data-group="a"></tbody><tbody data-group="b"></tbody></table></div>'
    views = embeds.split_views(table, "differences", "Differences", "differences/")
    assert [v.key for v in views if v.kind == "table"] == ["table-all"]


def test_any_element_marked_as_the_quiz_is_embedded():
    marked = '<h2 id="s">S</h2><section data-embed="quiz" id="self-check"><h3>Try it</h3></section>'
    quiz = [v for v in embeds.split_views(marked, "m", "M", "m/") if v.kind == "quiz"]
    assert [(q.title, q.anchor) for q in quiz] == [("Try it", "self-check")]


def test_iframe_code_has_a_title_full_width_a_fallback_height_and_lazy_loading():
    code = lxml.html.fragment_fromstring(embeds.iframe_code(views_by_key()["the-tasks"], SITE_URL))
    assert code.tag == "iframe"
    assert code.get("src") == "https://example.org/course/embed/management/the-tasks/"
    assert code.get("title") == "The tasks (Leading & Managing)"
    assert code.get("width") == "100%" and int(code.get("height")) >= 300
    assert code.get("loading") == "lazy"
    assert code.get("frameborder") is None


def test_embed_targets_link_to_a_preview_relative_to_the_page():
    targets = embeds.embed_targets(list(views_by_key().values()), SITE_URL)
    assert targets[0]["preview"] == "../embed/management/"
    assert {t["kind"] for t in targets} == {"page", "section", "table", "quiz"}


def test_the_embed_template_draws_content_and_one_attribution_line_and_nothing_else():
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides")).get_template("embed.html")
    view = views_by_key()["what-management-is-for"]
    page = lxml.html.document_fromstring(embeds.render_view(template, view, SITE_URL, "Leading & Managing", "en"))
    assert page.xpath("//header|//nav|//footer|//form") == []
    scripts = [s.get("src") for s in page.xpath("//script")]
    assert scripts == ["../../../assets/javascripts/embed-resize.js"]
    attribution = page.xpath("//*[@class='embed-attribution']")[0]
    hrefs = [a.get("href") for a in attribution.iter("a")]
    assert hrefs == [embeds.LICENCE_URL, "../../../management/#what-management-is-for"]
    assert "Leading & Managing" in attribution.text_content() and "CC BY 4.0" in attribution.text_content()
    assert page.xpath("//link[@rel='canonical']/@href") == ["https://example.org/course/management/#what-management-is-for"]


YAML = """
sources:
  - id: kotter
    title: "What leaders really do: a comma, and \\"quotes\\""
dimensions:
  - id: focus
    name: Focus
    group: essay
    management: Stability
    leadership: Change
    claims: [D1, D2]
    sources: [kotter]
  - id: time
    name: Time frame
    group: essay
    management: Short, near
    leadership: Long
    note: A tendency.
    sources: [kotter]
"""


def test_json_download_is_the_yaml_file_itself():
    assert json.loads(downloads.comparison_json(YAML)) == yaml.safe_load(YAML)


def test_csv_download_has_one_row_per_dimension_with_every_field():
    rows = list(csv.DictReader(io.StringIO(downloads.comparison_csv(YAML))))
    assert [row["id"] for row in rows] == ["focus", "time"]
    assert rows[0]["claims"] == "D1; D2" and rows[0]["note"] == ""
    assert rows[1]["management"] == "Short, near" and rows[1]["note"] == "A tendency."


def test_learning_resource_metadata_for_a_module():
    data = metadata.learning_resource("Management", SITE_URL + "management/", "A course.", "Leading & Managing",
                                      SITE_URL, "Contributors", MODULE, 12)
    assert data["@type"] == "LearningResource" and data["license"] == embeds.LICENCE_URL
    assert data["teaches"] == [o.text for o in MODULE.objectives] and data["timeRequired"] == "PT12M"
    assert data["isPartOf"]["url"] == SITE_URL


def test_json_in_a_script_element_cannot_close_it():
    assert "</script>" not in metadata.json_for_script({"name": "</script><script>alert(1)"})
