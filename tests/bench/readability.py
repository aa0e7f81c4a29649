"""make bench's readability section: Flesch reading ease and mean sentence length of each module's prose.

Targets (issue 9): a Flesch reading ease of at least 45 per module, and sentences of under 20 words on
average. The prose is what the module teaches in sentences: paragraphs and list items of the built page,
without the tables (cells are not sentences), the self-check, the activities and the figures. textstat
(pinned in requirements.txt) does the counting, with pyphen's hyphenation dictionaries for syllables.

    python -m tests.bench.readability [site_dir]    (no argument: builds the site into a temporary folder)
"""

import sys
import tempfile
from pathlib import Path

import lxml.html
import textstat

from macros.load import load_course

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT / "tests" / "fixtures" / "essay.md"
NOT_PROSE = ("table", "figure", "fieldset", "details")
NOT_PROSE_CLASSES = ("activities", "quiz", "course-figure", "data-note", "edit-note")
TARGET_EASE, TARGET_SENTENCE = 45, 20


def prose(html: str) -> str:
    """The sentences of a built page's article, one block per line."""
    article = lxml.html.fromstring(html).xpath("//article")[0]
    for tag in NOT_PROSE:
        for element in article.xpath(f".//{tag}"):
            element.drop_tree()
    for name in NOT_PROSE_CLASSES:
        for element in article.xpath(f".//*[contains(concat(' ', @class, ' '), ' {name} ')]"):
            element.drop_tree()
    blocks = [" ".join(block.text_content().split()) for block in article.xpath(".//p|.//li[not(.//p)]")]
    # A list item or line without a full stop is still one sentence: end it so that it is counted as one.
    return "\n".join(block if block.endswith((".", "?", "!", ":", ";")) else block + "." for block in blocks if block)


def measure(text: str) -> tuple[float, float, int]:
    """(Flesch reading ease, mean words per sentence, words)."""
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    return textstat.flesch_reading_ease(text), words / sentences, words


def report(site_dir: Path) -> list[tuple[str, float, float, int]]:
    rows = []
    for module in load_course(ROOT / "docs").modules:
        html = (site_dir / Path(module.page).parent / "index.html").read_text(encoding="utf-8")
        rows.append((module.id, *measure(prose(html))))
    return rows


def bench_readability(site_dir: Path | None = None) -> None:
    if site_dir is None:
        from tests.bench.bench import build_once

        with tempfile.TemporaryDirectory() as tmp:
            build_once(ROOT / "mkdocs.yml", Path(tmp) / "site")
            return bench_readability(Path(tmp) / "site")
    print(f"\n## Readability (targets: Flesch reading ease >= {TARGET_EASE}, mean sentence < {TARGET_SENTENCE} words)")
    print(f"{'module':<12} {'Flesch':>7} {'words/sentence':>15} {'words':>6}  met")
    for module, ease, sentence, words in report(site_dir):
        met = "yes" if ease >= TARGET_EASE and sentence < TARGET_SENTENCE else "NO"
        print(f"{module:<12} {ease:7.1f} {sentence:15.1f} {words:6d}  {met}")
    # A peer measured the same way: the essay the course grew from (its headings dropped).
    essay = "\n".join(line for line in ESSAY.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    ease, sentence, words = measure(essay)
    print(f"{'(the essay)':<12} {ease:7.1f} {sentence:15.1f} {words:6d}  peer")


if __name__ == "__main__":
    bench_readability(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
