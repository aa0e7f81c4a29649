"""Each render function, on a small model, without building the site."""

from html.parser import HTMLParser

from macros.render import glossary, modules, reading, references, tables
from macros.render.links import page_url, relative_href
from macros.render.text import escape
from tests.unit.sample import (AGENDA, BENNIS, ESSAY, FOCUS, KOTTER, KOTTER_GROUP, LABELS, MODULE, SOURCES, TERM,
                               link)


class Cells(HTMLParser):
    """Counts rows and cells, and collects the text, of rendered HTML."""

    def __init__(self, html):
        super().__init__()
        self.rows, self.cells, self.text, self.tags = 0, 0, "", []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.rows += tag == "tr"
        self.cells += tag in ("td", "th")

    def handle_data(self, data):
        self.text += data


def test_page_urls_follow_mkdocs_layout():
    assert page_url("index.md", True) == ""
    assert page_url("management/index.md", True) == "management/"
    assert page_url("glossary.md", True) == "glossary/"
    assert page_url("glossary.md", False) == "glossary.html"
    assert page_url("management/index.md", False) == "management/index.html"


def test_relative_hrefs_with_and_without_directory_urls():
    assert relative_href("differences/index.md", "references.md", "kotter", True) == "../references/#kotter"
    assert relative_href("index.md", "management/index.md", None, True) == "management/"
    assert relative_href("glossary.md", "index.md", None, True) == "../"
    assert relative_href("differences/index.md", "references.md", "k", False) == "../references.html#k"
    assert relative_href("references.md", "references.md", "k", True) == "#k"


def test_escape_neutralises_html_markdown_and_jinja():
    hostile = "<script>alert(1)</script> | **bold** {{ 7*7 }} {% if %} [x](y)"
    escaped = escape(hostile)
    for raw in ("<", ">", "|", "*", "{", "}", "[", "]", "%}"[1]):
        assert raw not in escaped
    assert Cells(f"<p>{escaped}</p>").text == hostile


def test_cite_links_each_source_to_its_reference():
    html = references.cite([KOTTER, BENNIS], link)
    assert html.startswith("(") and html.endswith(")")
    assert 'href="../references/#kotter1990hbr"' in html and "Kotter, 1990a" in html
    assert 'href="../references/#bennis1989"' in html and "; " in html


def test_cite_with_a_page_for_a_quotation():
    html = references.cite([BENNIS], link, "21")
    assert html.endswith("</a>, p. 21)") and ">Bennis, 1989</a>" in html


def test_citet_is_narrative():
    assert ">Bennis (1989)</a>" in references.citet(BENNIS, link)


def test_references_list_is_sorted_and_anchored():
    html = references.references_list([KOTTER, BENNIS])
    assert html.index('id="bennis1989"') < html.index('id="kotter1990hbr"')
    assert "<cite>On Becoming a Leader.</cite>" in html
    assert "Harvard Business Review" in html and "68(3), 103–111." in html


def test_full_comparison_table_has_a_row_per_dimension_and_group_headings():
    html = tables.comparison_table([ESSAY, KOTTER_GROUP], [FOCUS, AGENDA], SOURCES, LABELS, link, "All", anchored=True)
    parsed = Cells(html)
    assert parsed.rows == 1 + 2 + 2  # head, two group headings, two dimensions
    assert 'id="dimension-focus"' in html and 'id="dimension-setting-the-agenda"' in html
    assert 'data-group="essay"' in html and 'data-group="kotter"' in html
    assert "<caption>All</caption>" in html and 'scope="col"' in html and 'scope="row"' in html


def test_filtered_table_links_to_the_anchored_row_and_has_no_ids():
    html = tables.comparison_table([KOTTER_GROUP], [FOCUS, AGENDA], SOURCES, LABELS, link, "Kotter", anchored=False)
    assert "Primary focus" not in html
    assert 'href="#dimension-setting-the-agenda"' in html
    assert "id=" not in html.replace('data-group="kotter"', "")


def test_hostile_cell_keeps_the_table_shape():
    hostile = FOCUS.model_copy(update={"management": "a | b | <script>x</script> {{ 7*7 }}"})
    html = tables.comparison_table([ESSAY], [hostile], SOURCES, LABELS, link, "All", anchored=True)
    parsed = Cells(html)
    assert parsed.cells == 4 + 4 and "script" not in parsed.tags
    assert "a | b | <script>x</script> {{ 7*7 }}" in parsed.text


def test_dimension_card_shows_both_sides_and_links_to_the_full_row():
    html = tables.dimension_card(FOCUS, SOURCES, LABELS, link)
    assert "Stability" in html and "Change" in html and "A tendency." in html
    assert 'href="#dimension-focus"' in html and 'id="card-focus"' in html


def test_every_row_and_card_carries_its_evidence_label_and_basis_with_a_legend():
    html = tables.comparison_table([ESSAY, KOTTER_GROUP], [FOCUS, AGENDA], SOURCES, LABELS, link, "All", anchored=True)
    text = Cells(html).text
    assert 'data-evidence="rhetorical"' in html and 'data-evidence="conceptual"' in html
    assert "Evidence: rhetorical." in text and "Bennis's pairs." in text and "Kotter's framework." in text
    assert 'class="evidence-legend"' in html and "A reasoned framework." in text
    card = tables.dimension_card(AGENDA, SOURCES, LABELS, link)
    assert "Evidence: conceptual. Kotter's framework." in Cells(card).text
    relabelled = FOCUS.model_copy(update={"evidence": AGENDA.evidence})
    assert "Evidence: conceptual." in Cells(tables.dimension_card(relabelled, SOURCES, LABELS, link)).text


def test_references_link_the_doi():
    with_doi = KOTTER.model_copy(update={"doi": "10.1037/0021-9010.89.5.755"})
    html = references.references_list([with_doi])
    assert 'href="https://doi.org/10.1037/0021-9010.89.5.755"' in html


def test_module_overview_and_key_points():
    overview = modules.module_overview(MODULE)
    assert 'data-module="management"' in overview
    assert "about 7 min reading, 3 min activities" in reading.fill(overview, {"management": (7, 3)})
    assert "What do managers do?" in overview and "Explain Fayol" in overview
    points = modules.key_points(MODULE)
    assert points.startswith("## Key points") and "copes with complexity" in points


def test_learning_path_lists_modules_in_order_with_times():
    second = MODULE.model_copy(update={"id": "leadership", "title": "Leadership", "page": "leadership/index.md"})
    html = modules.learning_path([MODULE, second], lambda to, anchor=None: relative_href("index.md", to, anchor, True))
    html = reading.fill(html, {"management": (5, 10), "leadership": (6, 12)})
    assert html.index("Management") < html.index("Leadership")
    assert 'href="management/"' in html and "about 5 min reading, 10 min activities" in html
    assert "about 11 min reading, 22 min activities" in html


def test_glossary_entry_has_anchor_definition_source_and_related_dimension():
    html = glossary.glossary_list([TERM], SOURCES, {"focus": FOCUS}, link)
    assert 'id="vision"' in html and "A picture of a desirable future." in html
    assert "#bennis1989" in html and 'href="#dimension-focus"' in html


def test_reading_time_counts_prose_tables_and_questions_but_not_answers_or_activities():
    words = " ".join(["word"] * 430)
    page = (f"<h1>Title</h1><p>{words}</p>"
            '<fieldset class="quiz-item"><legend>' + " ".join(["ask"] * 215) + "</legend>"
            '<details class="quiz-answer"><summary>Show</summary><p>' + " ".join(["why"] * 2000) + "</p></details>"
            "</fieldset>"
            '<div class="activities"><ol><li>' + " ".join(["task"] * 430) + "</li><li>Reflect.</li></ol></div>"
            '<details class="figure-alternative"><table><tr><td>' + " ".join(["cell"] * 900) + "</td></tr></table>"
            "</details>")
    assert reading.page_times(page) == (3, 3 + 2 * reading.MINUTES_PER_PROMPT)
    longer = page.replace("<h1>Title</h1>", f"<h1>Title</h1><p>{words}</p>")
    assert reading.page_times(longer)[0] == 5, "more prose, more minutes"
    assert reading.page_times(f"<p>{words}</p>") == (2, 0)
