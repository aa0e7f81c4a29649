"""The figure builders (macros/render/figures.py) on the real figure data, without building the site."""

import re

import lxml.etree
import pytest

from macros.load import DataError, load_course
from macros.render import figures
from tests.conftest import ROOT
from tests.unit.sample import SOURCES, link
from tests.unit.test_load import docs, edit  # noqa: F401  (the fixture)

SVG = "{http://www.w3.org/2000/svg}"
COURSE = load_course(ROOT / "docs")
FIGURES = {key: getattr(COURSE.figures, key) for key in figures.BUILDERS}


def parse(svg: str):
    """The SVG as XML: it must be well-formed on its own, as the EPUB's XHTML needs."""
    return lxml.etree.fromstring(svg.encode("utf-8"))


def texts(root) -> list[str]:
    return [" ".join(" ".join(node.itertext()).split()) for node in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("key", figures.BUILDERS)
def test_each_figure_is_a_named_image_of_real_text_in_the_page_colour(key):
    data = FIGURES[key]
    root = parse(figures.BUILDERS[key][0](data))
    assert root.get("role") == "img" and root.get("viewBox")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == data.title and desc.text == data.description
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert texts(root), "the labels are SVG text, selectable and searchable"
    colours = {node.get("fill") for node in root.iter(f"{SVG}text", f"{SVG}rect")}
    assert colours == {"currentColor"}, "every mark takes the page's text colour, in either scheme"
    assert not list(root.iter(f"{SVG}script", f"{SVG}image")) and "href" not in figures.BUILDERS[key][0](data)


def test_katz_draws_each_skill_at_each_level_with_its_emphasis():
    katz = FIGURES["katz"]
    root = parse(figures.katz_svg(katz))
    labels = texts(root)
    for level in katz.levels:
        assert level in labels
    assert labels.count("Conceptual") == len(katz.levels)
    bars = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    technical_top, technical_bottom = bars[0], bars[-len(katz.skills)]
    assert technical_top < technical_bottom, "technical skill matters least at the top"


def test_a_change_in_the_data_changes_each_figure():
    katz = FIGURES["katz"]
    flat = katz.model_copy(update={"skills": [s.model_copy(update={"emphasis": [2] * len(katz.levels)})
                                              for s in katz.skills]})
    assert figures.katz_svg(flat) != figures.katz_svg(katz)
    assert {r.get("width") for r in parse(figures.katz_svg(flat)).iter(f"{SVG}rect")} == {
        str(round((figures.WIDTH - 156) * 2 / 3, 1))}

    kotter = FIGURES["kotter"]
    renamed = kotter.model_copy(update={"cells": [kotter.cells[0].model_copy(update={"label": "Drift"}),
                                                  *kotter.cells[1:]]})
    assert "Drift" in texts(parse(figures.kotter_svg(renamed)))

    lineage = FIGURES["lineage"]
    lines = len(list(parse(figures.lineage_svg(lineage)).iter(f"{SVG}path")))
    assert lines == sum(len(f.from_) for stage in lineage.stages for f in stage.functions)
    last = lineage.stages[-1]
    fewer = lineage.model_copy(update={"stages": [*lineage.stages[:-1], last.model_copy(
        update={"functions": last.functions[:-1]})]})
    assert len(list(parse(figures.lineage_svg(fewer)).iter(f"{SVG}path"))) < lines

    roles = FIGURES["roles"]
    bold = [t for t in parse(figures.roles_svg(roles)).iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert roles.highlight in [t.text for t in bold]
    moved = roles.model_copy(update={"highlight": "Negotiator"})
    bold = [t.text for t in parse(figures.roles_svg(moved)).iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert "Negotiator" in bold and roles.highlight not in bold


@pytest.mark.parametrize("key", figures.BUILDERS)
def test_the_block_has_a_caption_and_the_same_data_as_a_table(key):
    data = FIGURES[key]
    draw_svg, draw_table = figures.BUILDERS[key]
    sources = {**SOURCES, **{s.id: s for s in COURSE.comparison.sources}}
    html = figures.figure_block(data, draw_svg(data), draw_table(data), sources, link)
    assert f'id="figure-{data.id}"' in html and 'data-embed="figure"' in html
    assert "<figcaption>" in html and "<details" in html and "<table" in html and 'scope="col"' in html
    table_text = re.sub(r"<[^>]+>", " ", draw_table(data)).replace("&#39;", "'")
    svg_words = {word for line in texts(parse(draw_svg(data))) for word in line.split()}
    for word in svg_words - {"weak", "strong", "Management", "Leadership", "roles"}:
        assert word in table_text, f"'{word}' is drawn but missing from the table"


def test_the_figure_data_is_cross_checked(docs):  # noqa: F811
    cases = [
        ("      emphasis: [1, 2, 3]\n", "      emphasis: [1, 2]\n", "katz.skills[0].emphasis", "one number per level"),
        ("      emphasis: [1, 2, 3]\n", "      emphasis: [1, 2, 4]\n", "katz.skills[0].emphasis[2]", "from 1 to 3"),
        ("    - management: strong\n      leadership: weak\n", "    - management: weak\n      leadership: weak\n",
         "kotter.cells[1]", "each of the four mixes once"),
        ("from: [fayol-commanding]", "from: [fayol-commands]", "lineage.stages[1].functions[3].from[0]",
         "unknown function 'fayol-commands'"),
        ("  highlight: Leader", "  highlight: Boss", "roles.highlight", "unknown role 'Boss'"),
        ("  sources: [katz1955]", "  sources: [katz1956]", "katz.sources[0]", "unknown source 'katz1956'"),
    ]
    for old, new, field, words in cases:
        original = edit(docs, "figures.yml", old, new)
        with pytest.raises(DataError) as error:
            load_course(docs)
        assert error.value.field == field and words in error.value.expected, str(error.value)
        assert error.value.file.endswith("figures.yml") and error.value.line > 1
        (docs / "data" / "figures.yml").write_text(original, encoding="utf-8")
