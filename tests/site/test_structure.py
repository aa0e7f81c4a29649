"""Every built page, embed views included: one H1, headings that never skip a level, alt text on every image."""

from tests.helpers import BuiltSite, Page, PageParser

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def structure_problems(page: Page) -> list[str]:
    tags = page.parser.tags
    problems = []
    levels = [HEADINGS[tag] for tag, _ in tags if tag in HEADINGS]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} <h1> elements, not one")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"heading skips from h{before} to h{after}")
    for tag, attributes in tags:
        # alt="" is right for a decorative image, but only when it is also hidden from screen readers.
        decorative = attributes.get("role") in ("presentation", "none") or attributes.get("aria-hidden") == "true"
        if tag == "img" and not (attributes.get("alt") or (attributes.get("alt") == "" and decorative)):
            problems.append(f"<img src={attributes.get('src')!r}> has no alternative text")
    return problems


def test_every_page_has_one_h1_ordered_headings_and_alt_text(site: BuiltSite):
    assert site.pages
    problems = {url: found for url, page in site.pages.items() if (found := structure_problems(page))}
    assert problems == {}


def test_the_check_sees_each_kind_of_problem(tmp_path):
    html = ("<h1>Title</h1><h3>Skipped a level</h3><h1>Second title</h1>"
            '<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="" role="presentation">'
            '<img src="d.png" alt="A chart">')
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    parser = PageParser()
    parser.feed(html)
    problems = structure_problems(Page(path, "page.html", parser))
    assert problems == ["2 <h1> elements, not one", "heading skips from h1 to h3",
                        "<img src='a.png'> has no alternative text", "<img src='b.png'> has no alternative text"]
