"""Reading and activity times, counted from a module page as it is rendered.

A stated reading time is only honest if it counts what a learner actually reads: the prose, the tables,
the figures' labels, the case texts and the questions of the self-check, including every item the item
bank adds to the page. So the times are counted from the page's HTML after the macros have run
(macros/reading_hooks.py), never typed and never estimated from the Markdown source, which holds none
of the generated content.

Rules, in one place so that the page, the test and the bench agree:
- reading: every word in the article except the activities, the folded-away answers of the self-check
  (a learner reads the explanation of the option they chose, not all of them) and the tables that repeat a
  figure's data for readers who cannot see it;
- activities: the words of the activities block, read at the same pace, plus MINUTES_PER_PROMPT for each
  task, reflection question and discussion prompt, the time to think and write an answer.
"""

import math
import re

import lxml.html

WORDS_PER_MINUTE = 215  # the middle of the 200-230 words a minute adults read study material at
MINUTES_PER_PROMPT = 2
ACTIVITIES = "div.activities"
NOT_READ = ("details.quiz-answer", ".figure-alternative", "a.headerlink")
_WORD = re.compile(r"[\w'’-]+")
ALL_MODULES = "all"  # the slot for the whole course: the sum of every module's times
SLOT = re.compile(r'<span class="reading-time" data-module="([a-z0-9_-]+)">[^<]*</span>')


def _select(root, selector: str) -> list:
    tag, _, name = selector.partition(".")
    condition = f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    return root.xpath(f".//{tag or '*'}{condition}")


def _words(element) -> int:
    return len(_WORD.findall(" ".join(element.itertext())))


def page_times(html: str) -> tuple[int, int]:
    """(reading minutes, activity minutes) of one module page's article HTML."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for selector in NOT_READ:
        for element in _select(root, selector):
            element.drop_tree()
    activity_words = prompts = 0
    for block in _select(root, ACTIVITIES):
        activity_words += _words(block)
        prompts += len(block.xpath(".//li"))
        block.drop_tree()
    reading = max(1, round(_words(root) / WORDS_PER_MINUTE))
    activities = math.ceil(activity_words / WORDS_PER_MINUTE) + MINUTES_PER_PROMPT * prompts if prompts else 0
    return reading, activities


def slot(module_id: str) -> str:
    """Where a page shows a module's times; filled in once every module page is rendered."""
    return f'<span class="reading-time" data-module="{module_id}">see the module page</span>'


def describe(reading: int, activities: int) -> str:
    text = f"about {reading} min reading"
    return text + (f", {activities} min activities" if activities else "")


def fill(html: str, times: dict[str, tuple[int, int]]) -> str:
    """Every slot in a page's HTML, with the module's counted times."""
    times = {**times, ALL_MODULES: (sum(t[0] for t in times.values()), sum(t[1] for t in times.values()))}

    def replace(match: re.Match) -> str:
        module = match.group(1)
        if module not in times:
            return match.group(0)
        return f'<span class="reading-time" data-module="{module}">{describe(*times[module])}</span>'
    return SLOT.sub(replace, html)
