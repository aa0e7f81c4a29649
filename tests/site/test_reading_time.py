"""The reading times the pages state match what a learner reads on the built page, within 15 %."""

import re

import lxml.html
import pytest

from macros.render.reading import ACTIVITIES, NOT_READ, WORDS_PER_MINUTE

TOLERANCE = 0.15
STATED = re.compile(r"about (\d+) min reading(?:, (\d+) min activities)?")


def article_of(page):
    tree = lxml.html.fromstring(page.html)
    return tree.xpath("//article")[0]


def learner_words(article) -> int:
    """Words a learner reads on the page: independent of the hook's count, from the built HTML."""
    for selector in (*NOT_READ, ACTIVITIES):
        tag, _, name = selector.partition(".")
        for element in article.xpath(f".//{tag or '*'}[contains(concat(' ', @class, ' '), ' {name} ')]"):
            element.drop_tree()
    for element in article.xpath(".//script|.//style|.//*[contains(@class, 'md-content__button')]"):
        element.drop_tree()
    return len(" ".join(article.itertext()).split())


def stated(page_or_html, module_id):
    spans = lxml.html.fromstring(page_or_html).xpath(f"//span[@class='reading-time'][@data-module='{module_id}']")
    assert spans, f"no reading time for {module_id}"
    match = STATED.fullmatch(spans[0].text_content())
    assert match, spans[0].text_content()
    return int(match.group(1)), int(match.group(2) or 0)


@pytest.mark.parametrize("module", ["management", "leadership", "differences", "conclusion"])
def test_the_stated_reading_time_matches_the_rendered_page(site, course, module):
    page = site.page(course.module(module).page)
    reading, activities = stated(page.html, module)
    counted = learner_words(article_of(page)) / WORDS_PER_MINUTE
    assert abs(reading - counted) <= TOLERANCE * counted, (module, reading, round(counted, 1))
    assert activities > 0, "activities have their own time"
    home = site.page("index.md").html
    assert stated(home, module) == (reading, activities), "the home page shows the module page's times"


def test_the_check_catches_a_stale_time(site, course):
    page = site.page(course.module("management").page)
    counted = learner_words(article_of(page)) / WORDS_PER_MINUTE
    assert abs(7 - counted) > TOLERANCE * counted, "the old typed '7 minutes' would fail"
