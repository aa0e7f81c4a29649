"""GIFT: the whole item bank as Moodle's plain-text question format, by module and objective.

Each question is named by its bank id (`::id::`), its text is HTML (`[html]`) with GIFT's special
characters escaped (macros/outputs/item_text.py), and every option has its feedback (`#...`).
True/false questions carry the feedback for a wrong and for a right answer, as GIFT allows.
GIFT matching has no feedback per pair and no extra wrong choices: the explanations go in the
general feedback (`####`), and the distractors are left out (Moodle XML keeps them).
"""

from macros.model import QuizItem
from macros.outputs import item_text
from macros.outputs.bank import Category
from macros.outputs.moodle import category_path


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def question(item: QuizItem) -> str:
    head = f"::{item_text.gift(item.id)}::[html]{item_text.gift(item.prompt)} {{"
    if item.kind == "true_false":
        right, wrong = item.options[item.answer], item.options[1 - item.answer]
        word = "TRUE" if item.answer == 0 else "FALSE"
        return f"{head}{word}#{item_text.gift(wrong.explanation)}#{item_text.gift(right.explanation)}}}\n"
    lines = [head]
    if item.kind == "matching":
        lines += [f"  ={item_text.gift(pair.premise)} -> {item_text.gift(pair.response)}" for pair in item.pairs]
        explanations = " ".join(f"{pair.premise}: {pair.explanation}" for pair in item.pairs)
        lines.append(f"  ####{item_text.gift(explanations)}")
    else:
        right = item.correct_options()
        wrong_count = len(item.options) - len(right)
        for index, option in enumerate(item.options):
            if item.kind != "multiple":
                mark = "=" if index == item.answer else "~"
            elif index in right:
                mark = f"~%{_percent(100 / len(right))}%"
            else:
                mark = f"~%{_percent(-100 / wrong_count)}%"
            lines.append(f"  {mark}{item_text.gift(option.text)}#{item_text.gift(option.explanation)}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def questions_gift(course_title: str, categories: list[Category], credit: str = "") -> str:
    header = f"// {course_title}: the item bank in GIFT, for Moodle's question bank (Import, GIFT format).\n"
    blocks = [header + (f"// {credit}\n" if credit else "")]
    for category in categories:
        blocks.append(f"$CATEGORY: {category_path(course_title, category)}\n")
        blocks += [question(item) for item in category.items]
    return "\n".join(blocks)
