"""Every page offers "Edit this page" and "View source"; generated content points to its data file."""

import re

from tests.conftest import ROOT

DOCS = ROOT / "docs"
# The data file behind each macro that generates a block of content. Citations are inline, and the
# cut-out cards and the handout are for printing, so they carry no note.
DATA_FILE_OF = {
    "comparison_table": "comparison.yml", "dimension_card": "comparison.yml", "references": "comparison.yml",
    "glossary": "glossary.yml", "module_overview": "course.yml", "key_points": "course.yml",
    "learning_path": "course.yml", "learning_outcomes": "course.yml", "quiz": "quiz.yml", "answer_key": "quiz.yml",
    "activities": ("activities.yml", "practice.yml"), "lesson_plan": "activities.yml", "activity_formats": "activities.yml",
    "misconceptions": "activities.yml", "pretest": "quiz.yml", "final_assessment": "quiz.yml",
    "alignment_table": "quiz.yml", "capstone": "practice.yml",
}
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(")


def edit_base(site) -> str:
    return f"{site.config['repo_url'].rstrip('/')}/{site.config['edit_uri'].strip('/')}/"


def hrefs(page, **wanted) -> list[str]:
    return [attributes.get("href") for tag, attributes in page.parser.tags
            if tag == "a" and all(attributes.get(name) == value for name, value in wanted.items())]


def test_every_page_has_edit_and_view_actions_for_its_own_source(site):
    base = edit_base(site)
    for source in sorted(DOCS.rglob("*.md")):
        src_uri = source.relative_to(DOCS).as_posix()
        page = site.page(src_uri)
        assert hrefs(page, rel="edit") == [base + src_uri], src_uri
        assert hrefs(page, title="View source of this page") == [base.replace("/edit/", "/raw/") + src_uri]


def test_generated_content_links_to_the_data_file_to_edit(site):
    base = edit_base(site)
    checked = 0
    for source in sorted(DOCS.rglob("*.md")):
        src_uri = source.relative_to(DOCS).as_posix()
        called = set(MACRO_CALL.findall(source.read_text(encoding="utf-8-sig")))
        data_files = {file for name in called if name in DATA_FILE_OF
                      for file in ((DATA_FILE_OF[name],) if isinstance(DATA_FILE_OF[name], str) else DATA_FILE_OF[name])}
        page = site.page(src_uri)
        notes = {href.removeprefix(base + "data/") for href in hrefs(page) if href and href.startswith(base + "data/")}
        assert notes == data_files, src_uri
        assert all((DOCS / "data" / name).is_file() for name in notes)
        if data_files:
            assert "edit that file rather than this page" in page.text
            checked += 1
    assert checked >= 5, "the check found too few pages with generated content"


def test_the_repository_link_fetches_nothing_from_github(site):
    """Material's source component would ask GitHub's API for star counts from the reader's browser."""
    for page in site.pages.values():
        assert 'data-md-component="source"' not in page.html, page.url
