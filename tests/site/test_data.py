"""The comparison data is complete, and everything it holds reaches a page."""

import re

import yaml

from tests.conftest import ROOT

MIN_DIMENSIONS = 16


def test_enough_dimensions_each_complete(course):
    dimensions = course.comparison.dimensions
    assert len(dimensions) >= MIN_DIMENSIONS
    for dimension in dimensions:
        assert dimension.management.strip() and dimension.leadership.strip(), dimension.id
        assert dimension.sources, dimension.id


def test_ids_are_unique(course):
    for items in (course.comparison.sources, course.comparison.groups, course.comparison.dimensions, course.terms):
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids))


def test_every_claim_id_in_the_data_exists(course):
    known = course.all_claim_ids()
    for dimension in course.comparison.dimensions:
        assert set(dimension.claims) <= known, dimension.id


def test_every_essay_difference_is_in_the_comparison(course):
    covered = {claim for d in course.comparison.dimensions for claim in d.claims}
    assert set(course.claims["differences"]) <= covered


def test_claims_are_the_shared_copy():
    shared = ROOT.parent / "shared" / "source" / "claims.yml"
    if shared.is_file():
        assert yaml.safe_load(shared.read_text()) == yaml.safe_load((ROOT / "docs/data/claims.yml").read_text())


# The all-in-one page links its own references chapter: "#references--<id>" (macros/outputs/book.py).
REFERENCE_LINK = re.compile(r"references/(?:index\.html)?#(.+)$|references\.html#(.+)$|^#references--(.+)$|^#(.+)$")


def citation_problems(pages, listed: set[str]) -> list[str]:
    """Citations of unlisted sources, and listed sources that nothing cites."""
    cited = set()
    for page in pages:
        for tag, attributes in page.parser.tags:
            if tag == "a" and "citation" in (attributes.get("class") or "").split():
                match = REFERENCE_LINK.search(attributes.get("href") or "")
                cited.add(next(group for group in match.groups() if group))
    return [f"cited but not listed: {s}" for s in sorted(cited - listed)] + \
           [f"listed but never cited: {s}" for s in sorted(listed - cited)]


def test_every_cited_source_exists_and_every_source_is_cited(site, course):
    assert citation_problems(site.pages.values(), {s.id for s in course.comparison.sources}) == []


def test_the_check_catches_an_uncited_and_an_unlisted_source(site, course):
    listed = {s.id for s in course.comparison.sources}
    problems = citation_problems(site.pages.values(), (listed - {"heifetz1994"}) | {"nobody2000"})
    assert problems == ["cited but not listed: heifetz1994", "listed but never cited: nobody2000"]


def test_every_group_is_shown_on_some_page(site, course):
    shown = set()
    for page in site.pages.values():
        shown |= {attrs.get("data-group") for tag, attrs in page.parser.tags if tag == "tbody"}
    assert {g.id for g in course.comparison.groups} <= shown


def test_differences_page_shows_every_dimension_from_the_data(site, course):
    page = site.page("differences/index.md")
    for dimension in course.comparison.dimensions:
        assert f"dimension-{dimension.id}" in page.parser.ids
        assert dimension.leadership in page.text


def test_every_glossary_term_is_on_the_glossary_page(site, course):
    page = site.page("glossary.md")
    for term in course.terms:
        assert term.id in page.parser.ids
        assert term.definition in page.text


def test_a_build_reads_each_data_file_once(tmp_path, monkeypatch):
    """The macros load the data; the hooks reuse that model instead of loading and checking it again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import macros.load

    read = []
    original = macros.load.read_yaml
    monkeypatch.setattr(macros.load, "read_yaml", lambda file: read.append(file.name) or original(file))
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    assert read and len(read) == len(set(read)), read
