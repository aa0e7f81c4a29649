"""Every figure in figures.yml is on a page, well-formed as XML (for the EPUB's XHTML), and has its embed view."""

import re

import lxml.etree

from macros.render import figures

SVG_OF_FIGURE = re.compile(r'<div class="course-figure" id="figure-([a-z0-9-]+)".*?(<svg .*?</svg>)', re.DOTALL)


def test_every_figure_is_shown_as_well_formed_svg_with_its_table_and_embed_view(site, course):
    shown = {}
    for module in course.modules:
        page = site.page(module.page)
        for figure_id, svg in SVG_OF_FIGURE.findall(page.html):
            shown[figure_id] = module
            root = lxml.etree.fromstring(svg.encode("utf-8"))
            assert root.get("role") == "img" and root.find("{http://www.w3.org/2000/svg}desc") is not None
    expected = {getattr(course.figures, key).id for key in figures.BUILDERS}
    assert set(shown) == expected
    for figure_id, module in shown.items():
        view = site.root / "embed" / module.id / f"figure-{figure_id}" / "index.html"
        assert view.is_file() and "<svg" in view.read_text(encoding="utf-8"), figure_id
        assert "The figure as a table" in site.page(module.page).text
