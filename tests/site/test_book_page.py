"""The all-in-one page in the tests' quick build: the whole course, out of search, linked for learners."""

import json

from macros.outputs import book

BOOK = "all-in-one/index.html"


def test_it_holds_every_chapter_in_reading_order_and_the_answers(site, course):
    page = site.page("all-in-one.md")
    chapters = [attributes["id"] for tag, attributes in page.parser.tags
                if tag == "section" and "book-chapter" in (attributes.get("class") or "")]
    modules = [book.chapter_slug(m.page) for m in course.modules]
    assert chapters == ["introduction", *modules, "glossary", "references", book.ANSWERS_SLUG]
    assert [tag for tag, _ in page.parser.tags].count("h1") == 1
    for module in course.modules:
        assert module.title in page.text
        for item in course.self_check(module.id):
            assert f"{book.chapter_slug(module.page)}--question-{item.id}" in page.parser.ids
            assert book.answer_id(book.chapter_slug(module.page), item) in page.parser.ids


def test_its_links_stay_in_the_page_unless_they_leave_the_book(site):
    page = site.page("all-in-one.md")
    site_url = site.config["site_url"]
    links = [href for tag, href in page.parser.links if tag == "a"]
    article = page.html[page.html.index('<article'):page.html.index('</article>')]
    in_book = [href for href in links if href.startswith("#") and href in article]
    assert len(in_book) > 100
    assert f"{site_url}instructors/" in links
    # No link in the book's text leads to one of the book's own pages: each became an in-page link.
    for src in ("management/", "glossary/", "references/"):
        assert f'href="../{src}' not in article.split('class="book-contents"', 1)[1]


def test_it_drops_what_only_works_on_the_web(site):
    html = site.page("all-in-one.md").html
    chapters = html[html.index('class="book-contents"'):]
    for gone in ('class="data-note"', "Generated from docs/data", 'class="quiz-item"', "<input", 'class="headerlink"',
                 "Read it offline, on paper"):
        assert gone not in chapters, gone


def test_it_is_kept_out_of_search(site):
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [location for location in locations if location.startswith("all-in-one/")]
    assert any(location.startswith("management/") for location in locations)


def test_home_and_instructors_link_the_page_and_the_published_files_in_a_quick_build(site):
    """The tests' build does not print (no BOOK_FILES): its links lead to the website's copies, without sizes."""
    assert not list((site.root / "downloads").glob("*.pdf")) and not (site.root / book.EPUB_FILE).exists()
    for src, to_book in (("index.md", "all-in-one/"), ("instructors/index.md", "../all-in-one/")):
        page = site.page(src)
        links = [href for tag, href in page.parser.links if tag == "a"]
        assert to_book in links, src
        for path in book.DOWNLOAD_LABELS:
            assert site.config["site_url"] + path in links, (src, path)
        assert 'class="book-size"' not in page.html
