"""Every claim of the essay is taught in the right module (tests/site/test_published.py: never in its own words)."""

import re

import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"
# Claims of the essay's introduction belong on the home page or the first module.
PAGES_FOR_GROUP = {"intro": {None, "management"}}


def front_matter(path):
    match = re.match(r"\A---\n(.*?)\n---\n", path.read_text(encoding="utf-8-sig"), re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def declared_claims() -> dict[str, tuple[str | None, list[str]]]:
    """page source path -> (its module, the claims it declares)"""
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        meta = front_matter(path)
        pages[path.relative_to(DOCS).as_posix()] = (meta.get("module"), meta.get("claims") or [])
    return pages


def misplaced_claims(claims_by_group, pages) -> list[str]:
    problems = []
    group_of = {claim: group for group, claims in claims_by_group.items() for claim in claims}
    for page, (module, claims) in pages.items():
        for claim in claims:
            if claim not in group_of:
                problems.append(f"{page}: unknown claim {claim}")
            elif module not in PAGES_FOR_GROUP.get(group_of[claim], {group_of[claim]}):
                problems.append(f"{page}: claim {claim} belongs to module {group_of[claim]}")
    taught = {claim for _, claims in pages.values() for claim in claims}
    problems += [f"claim {claim} is taught nowhere" for claim in group_of if claim not in taught]
    return problems


def test_every_claim_is_declared_by_its_module(course):
    assert misplaced_claims(course.claims, declared_claims()) == []


def test_the_check_catches_a_missing_a_misplaced_and_an_unknown_claim(course):
    pages = declared_claims()
    page = "management/index.md"
    module, claims = pages[page]
    pages[page] = (module, [c for c in claims if c != "M1"] + ["L1", "X9"])
    problems = misplaced_claims(course.claims, pages)
    assert "claim M1 is taught nowhere" in problems
    assert f"{page}: claim L1 belongs to module leadership" in problems
    assert f"{page}: unknown claim X9" in problems
