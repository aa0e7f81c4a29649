"""Page and macro mistakes become one line with the page's own line number (macros/errors.py)."""

import logging
from types import SimpleNamespace

import jinja2
import pytest

from macros.errors import MacroError, PageTemplate, check_page_source, checked_macro, front_matter_problem

SOURCE = "---\ntitle: T\n---\n\n# Heading\n\nText.\n"


def page_for(source: str, body: str):
    file = SimpleNamespace(abs_src_path="/nowhere/docs/page.md", content_string=source)
    return SimpleNamespace(file=file, markdown=body)


def test_front_matter_problems_name_their_line_and_column():
    assert front_matter_problem(SOURCE) is None
    assert front_matter_problem("# No front matter\n") is None
    assert front_matter_problem("---\ntitle: [T\nmodule: m\n---\n") == (
        2, 8, "front matter is not valid YAML: the '[' opened here is never closed; end it with ']' on the same line")
    assert front_matter_problem("---\ntitle: T\n\n# Heading\n")[:2] == (1, 1)
    assert "name: value" in front_matter_problem("---\n- a list\n---\n")[2]


def test_checked_macro_names_the_macro_and_its_arguments():
    def card(dimension_id: str) -> str:
        if dimension_id != "focus":
            raise ValueError(f"unknown dimension {dimension_id!r}")
        return "card"

    checked = checked_macro("dimension_card", card)
    assert checked("focus") == "card"
    with pytest.raises(MacroError, match=r"missing a required argument: 'dimension_id'; "
                                         r"expected dimension_card\(dimension_id: str\)"):
        checked()
    with pytest.raises(MacroError, match="macro 'dimension_card': unknown dimension 'focuss'"):
        checked("focuss")


def test_a_rendering_error_is_logged_with_the_line_in_the_file(caplog):
    body = "# Heading\n\nText.\n\n{{ nosuch() }}\n"
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.template_class = PageTemplate
    page = page_for("---\ntitle: T\n---\n\n" + body, body)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.course"):
        shown = environment.from_string(body).render(page=page, macros={"cite": None})
    assert [record.getMessage() for record in caplog.records] == [
        "/nowhere/docs/page.md:9: 'nosuch' is undefined; expected a macro, one of: cite"]
    assert "This page has an error" in shown and "nosuch" in shown


def test_a_page_that_turns_macros_off_is_not_parsed_as_a_template():
    body = "Write {% if %} to branch.\n"
    env = SimpleNamespace(page=page_for(body, body), markdown=body, env=jinja2.Environment())
    env.page.meta = {"render_macros": False}
    assert check_page_source(env) is None
    env.page.meta = {}
    assert "This page has an error" in check_page_source(env)


def test_the_error_box_code_and_paths_stay_out_of_glossary_linking(caplog):
    """The box once read docs/<a class="glossary-term">leadership</a>/index.md:19."""
    import html as html_lib

    import markdown

    from macros.errors import report
    from macros.model import Term
    from macros.render import glossary

    term = Term(id="leadership", term="Leadership", definition="Setting direction.", source="x")
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path="/nowhere/docs/leadership/index.md"))
    with caplog.at_level(logging.ERROR):
        box = report(page, 19, "unknown claim 'X9' for leadership")
    text = (box + "\nRun `docs/leadership/index.md` and see <code>leadership</code> in docs/leadership/notes.\n"
            + glossary.abbreviations([term]))
    html = markdown.markdown(text, extensions=["abbr", "admonition", "md_in_html"])
    linked = glossary.link_terms(html, [term], lambda page, anchor=None: f"../glossary/#{anchor}")
    assert "glossary-term" not in linked and "<abbr" not in linked.split("</code>: ")[0]
    assert "<code>/nowhere/docs/leadership/index.md:19</code>" in html_lib.unescape(linked)
    assert "docs/leadership/notes" in linked and "<code>leadership</code>" in linked
    assert caplog.messages == ["/nowhere/docs/leadership/index.md:19: unknown claim 'X9' for leadership"]
