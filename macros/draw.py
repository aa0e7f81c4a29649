"""Which questions one attempt of the final assessment asks: a seeded, reproducible draw.

docs/assets/javascripts/assessment.js draws in the browser with the same generator and the same steps, so a
test can compute here which questions attempt n shows there. Attempt n is seeded with n:

1. shuffle the pool with the seeded generator (Fisher–Yates);
2. put the questions that the previous attempt did not ask first, so a retake differs where the bank allows;
3. take the first question of every objective, so each objective gets a result, then fill up in order;
4. interleave the modules (one from each in turn), so the attempt mixes topics instead of blocking them.

Mulberry32 is a small public-domain generator; we need the same numbers in Python and JavaScript, which
neither language's own generator gives.
"""

from collections.abc import Callable, Sequence

from .model import QuizItem

MASK = 0xFFFFFFFF


def mulberry32(seed: int) -> Callable[[], float]:
    """Numbers in [0, 1), the same sequence as the JavaScript original for the same 32-bit seed."""
    state = seed & MASK

    def imul(a: int, b: int) -> int:
        return (a * b) & MASK

    def next_number() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK
        t = imul(state ^ (state >> 15), state | 1)
        t = ((t + imul(t ^ (t >> 7), t | 61)) & MASK) ^ t
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    return next_number


def shuffled(ids: Sequence[str], seed: int) -> list[str]:
    random, result = mulberry32(seed), list(ids)
    for index in range(len(result) - 1, 0, -1):
        other = int(random() * (index + 1))
        result[index], result[other] = result[other], result[index]
    return result


def draw(pool: Sequence[QuizItem], count: int, seed: int, avoid: frozenset[str] = frozenset(),
         module_order: Sequence[str] = ()) -> list[str]:
    """The ids one attempt asks, in the order it asks them."""
    by_id = {item.id: item for item in pool}
    order = shuffled([item.id for item in pool], seed)
    order = [i for i in order if i not in avoid] + [i for i in order if i in avoid]
    chosen: list[str] = []
    covered: set[str] = set()
    for item_id in order:
        if by_id[item_id].objective not in covered:
            covered.add(by_id[item_id].objective)
            chosen.append(item_id)
    chosen += [item_id for item_id in order if item_id not in chosen]
    chosen = [item_id for item_id in order if item_id in set(chosen[:count])]
    modules = list(module_order) or sorted({item.module for item in pool})
    queues = {module: [i for i in chosen if by_id[i].module == module] for module in modules}
    interleaved: list[str] = []
    while any(queues.values()):
        for module in modules:
            if queues[module]:
                interleaved.append(queues[module].pop(0))
    return interleaved


def attempt(pool: Sequence[QuizItem], count: int, number: int, module_order: Sequence[str] = ()) -> list[str]:
    """The draw of attempt `number` (from 1): each attempt avoids what the one before it asked."""
    previous: list[str] = []
    for seed in range(1, number + 1):
        previous = draw(pool, count, seed, frozenset(previous), module_order)
    return previous
