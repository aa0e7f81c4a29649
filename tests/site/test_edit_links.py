"""Every page offers "Edit this page" and "View source"; generated content points to its data file."""

from tests.conftest import ROOT

DOCS = ROOT / "docs"
GENERATED = {  # page -> the data files its generated tables, cards or lists come from
    "differences/index.md": {"comparison.yml"},
    "glossary.md": {"glossary.yml"},
    "references.md": {"comparison.yml"},
}


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
    for src_uri, data_files in GENERATED.items():
        page = site.page(src_uri)
        notes = {href.removeprefix(base + "data/") for href in hrefs(page) if href and href.startswith(base + "data/")}
        assert notes == data_files, src_uri
        assert all((DOCS / "data" / name).is_file() for name in notes)
        assert "edit that file rather than this page" in page.text


def test_the_repository_link_fetches_nothing_from_github(site):
    """Material's source component would ask GitHub's API for star counts from the reader's browser."""
    for page in site.pages.values():
        assert 'data-md-component="source"' not in page.html, page.url
