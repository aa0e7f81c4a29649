"""Every link and every anchor in the built site resolves, generated tables included."""

from tests.helpers import BuiltSite


def broken_links(site: BuiltSite) -> list[str]:
    problems = []
    for page in site.pages.values():
        for tag, link in page.parser.links:
            if link.startswith(("mailto:", "data:", "javascript:")):
                continue
            target, fragment = site.resolve(page.url, link)
            if target is None:
                continue
            if not target.is_file():
                problems.append(f"{page.url}: <{tag}> {link} -> no file {target.relative_to(site.root)}")
                continue
            if fragment and target.suffix == ".html":
                target_url = target.relative_to(site.root).as_posix()
                target_page = site.pages.get(target_url)
                if target_page is not None and fragment not in target_page.parser.ids:
                    problems.append(f"{page.url}: {link} -> no id '{fragment}' in {target_url}")
    return problems


def test_every_link_and_anchor_resolves(site):
    assert site.pages, "the build produced no pages"
    assert broken_links(site) == []


def test_the_check_catches_a_broken_link_and_a_broken_anchor(site, tmp_path):
    """The link check itself must fail on a missing page and on a missing anchor."""
    import shutil

    from tests.helpers import BuiltSite

    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    page = copy / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</body>", '<a href="no-such-page/">x</a><a href="references/#no-such-anchor">y</a></body>')
    page.write_text(html, encoding="utf-8")
    problems = broken_links(BuiltSite(copy, site.config))
    assert any("no-such-page" in p for p in problems)
    assert any("no id 'no-such-anchor'" in p for p in problems)


def test_no_link_leaves_for_a_page_that_is_not_built(site):
    """Every page in the navigation was built."""
    for src in ("index.md", "management/index.md", "leadership/index.md", "differences/index.md",
                "conclusion/index.md", "glossary.md", "references.md", "instructors/index.md"):
        assert site.page(src).text
