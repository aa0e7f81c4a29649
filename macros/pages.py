"""The macros as pages call them: each binds the current page to a pure render function."""

from pathlib import Path

from .load import DataError
from .draw import attempt
from .model import LEVELS, Course
from .render import activities, assessment, cards, edit, glossary, handout, modules, practice, references, tables
from .render import quiz as quiz_render
from .render.links import linker_for


def page_macros(course: Course, env) -> dict:
    sources = {s.id: s for s in course.comparison.sources}
    dimensions = {d.id: d for d in course.comparison.dimensions}
    groups = {g.id: g for g in course.comparison.groups}

    def link():
        return linker_for(env.page.file.src_uri, env.conf["use_directory_urls"])

    def note(data_file: str) -> str:
        return edit.data_note(data_file, edit.data_edit_url(env.conf.get("repo_url"), env.conf.get("edit_uri"), data_file))

    def current_module():
        return course.module(_known(env.page.meta.get("module"), {m.id for m in course.modules}, "module"))

    def cite(source_id: str, *more_source_ids: str) -> str:
        """(Author, year; ...) linked to the references page. At least one source: `()` would cite nothing."""
        source_ids = (source_id, *more_source_ids)
        return references.cite([sources[_known(i, sources, "source")] for i in source_ids], link())

    def citet(source_id: str) -> str:
        """Author (year), linked to the references page."""
        return references.citet(sources[_known(source_id, sources, "source")], link())

    def comparison_table(group_id: str | None = None) -> str:
        """All dimensions (no argument: the one anchored table) or one group's."""
        if group_id is None:
            chosen, caption = list(groups.values()), "Management and leadership compared, all dimensions"
        else:
            chosen = [groups[_known(group_id, groups, "group")]]
            caption = chosen[0].title
        return tables.comparison_table(chosen, course.comparison.dimensions, sources, link(), caption,
                                       anchored=group_id is None) + note("comparison.yml")

    def dimension_card(dimension_id: str) -> str:
        card = tables.dimension_card(dimensions[_known(dimension_id, dimensions, "dimension")], sources, link())
        return card + note("comparison.yml")

    def module_overview() -> str:
        module = current_module()
        return modules.module_overview(module, course.reading_minutes[module.id]) + note("course.yml")

    def key_points() -> str:
        return modules.key_points(current_module()) + note("course.yml")

    def learning_path() -> str:
        return modules.learning_path(course.modules, course.reading_minutes, link()) + note("course.yml")

    def glossary_list() -> str:
        return glossary.glossary_list(course.terms, sources, dimensions, link()) + note("glossary.yml")

    def references_list() -> str:
        return references.references_list(course.comparison.sources) + note("comparison.yml")

    def quiz() -> str:
        """The current module's self-check."""
        module = current_module()
        return quiz_render.quiz(module, course.self_check(module.id), sources, link(),
                                {m.id: m for m in course.modules}) + note("quiz.yml")

    def answer_key() -> str:
        return quiz_render.answer_key(course.modules, course.quiz, sources, link()) + note("quiz.yml")

    def module_activities() -> str:
        """The current module's worked case, scenario cases, reflection questions (with their rubric) and
        discussion prompts."""
        module_id = current_module().id
        entry = course.module_activities(module_id)
        levels = course.practice.rubric_levels
        return (practice.worked_case(course.worked_case(module_id), sources, link()) + note("practice.yml")
                + activities.activities(entry, dimensions, sources, link()) + note("activities.yml")
                + practice.reflection_rubric(course.reflection_rubric(module_id), entry, levels)
                + note("practice.yml"))

    def inline_check(item_id: str) -> str:
        """A pause-and-check question inside the text: an item of this module marked `inline` in quiz.yml."""
        module = current_module()
        items = {i.id: i for i in course.inline_checks(module.id)}
        return quiz_render.inline_check(items[_known(item_id, items, f"inline check of {module.id}")], sources,
                                        link())

    def pretest() -> str:
        return assessment.pretest(course.pretest(), course.modules, sources, link()) + note("quiz.yml")

    def final_assessment() -> str:
        pool = course.final_pool()
        drawn = attempt(pool, course.assessment.final_items, 1, [m.id for m in course.modules])
        first = [course.item(i) for i in drawn]
        return assessment.final(pool, first, course.assessment, course.modules, course.objectives(), sources,
                                link()) + note("quiz.yml")

    def pass_mark() -> str:
        """The pass mark as a sentence fragment, e.g. '80 % (20 of 24 questions)'."""
        a = course.assessment
        return f"{a.pass_mark} % ({assessment.pass_count(a)} of {a.final_items} questions)"

    def final_items() -> int:
        return course.assessment.final_items

    def course_progress() -> str:
        checks = {m.id: course.self_check(m.id) for m in course.modules}
        return assessment.progress(course.modules, checks, link())

    def alignment_table() -> str:
        return (assessment.level_summary(course.quiz, LEVELS)
                + assessment.alignment_table(course.modules, course.quiz, link()) + note("quiz.yml"))

    def capstone(part: str) -> str:
        """One part of the capstone page: brief, task, rubric, checklist or sources."""
        c, levels = course.practice.capstone, course.practice.rubric_levels
        parts = {"brief": lambda: practice.capstone_brief(c) + note("practice.yml"), "task": lambda: practice.capstone_task(c),
                 "rubric": lambda: practice.capstone_rubric(c, levels),
                 "checklist": lambda: practice.capstone_checklist(c),
                 "sources": lambda: practice.capstone_sources(c, sources, link())}
        return parts[_known(part, parts, "capstone part")]()

    def learning_outcomes() -> str:
        return activities.learning_outcomes(course.modules, link()) + note("course.yml")

    def lesson_plan(plan_id: str) -> str:
        plans = {p.id: p for p in course.activities.lesson_plans}
        return activities.lesson_plan(plans[_known(plan_id, plans, "lesson plan")],
                                      {f.id: f for f in course.activities.formats}) + note("activities.yml")

    def activity_formats() -> str:
        return activities.activity_formats(course.activities.formats, {m.id: m for m in course.modules},
                                           sources, link()) + note("activities.yml")

    def misconceptions() -> str:
        return activities.misconceptions(course.activities.misconceptions, sources, link()) + note("activities.yml")

    def sort_cards() -> str:
        return cards.sort_cards(course.activities.card_sort.dimensions(course.comparison.dimensions))

    def sort_key() -> str:
        return cards.sort_key(course.activities.card_sort.dimensions(course.comparison.dimensions),
                              course.activities.card_sort.columns)

    def handout_table() -> str:
        return handout.handout(list(groups.values()), course.comparison.dimensions, sources,
                               env.conf["site_url"] or "")

    return {
        "cite": cite, "citet": citet, "comparison_table": comparison_table, "dimension_card": dimension_card,
        "module_overview": module_overview, "key_points": key_points, "learning_path": learning_path,
        "glossary": glossary_list, "references": references_list,
        "quiz": quiz, "answer_key": answer_key, "activities": module_activities,
        "inline_check": inline_check, "pretest": pretest, "final_assessment": final_assessment,
        "pass_mark": pass_mark, "final_items": final_items, "course_progress": course_progress,
        "alignment_table": alignment_table, "capstone": capstone,
        "learning_outcomes": learning_outcomes, "lesson_plan": lesson_plan, "activity_formats": activity_formats,
        "misconceptions": misconceptions, "sort_cards": sort_cards, "sort_key": sort_key, "handout": handout_table,
    }


def _known(value, known, what: str) -> str:
    """A macro argument must name something in the data; say which values exist if not."""
    if value not in known:
        raise ValueError(f"unknown {what} {value!r}; expected one of: {', '.join(sorted(known))}")
    return value


def check_page_meta(course: Course, page, docs_dir: Path) -> None:
    """A page's front matter may only declare claims and a module that the data knows."""
    known_claims = course.all_claim_ids()
    file = docs_dir / page.file.src_uri
    for claim in page.meta.get("claims", []) or []:
        if claim not in known_claims:
            raise DataError(file, _line_of(file, str(claim)), 1, "claims",
                            f"unknown claim '{claim}'; expected an id from docs/data/claims.yml")
    module = page.meta.get("module")
    if module is not None and module not in {m.id for m in course.modules}:
        raise DataError(file, _line_of(file, "module:"), 1, "module",
                        f"unknown module '{module}'; expected one of the ids in docs/data/course.yml")


def _line_of(file: Path, text: str) -> int:
    for number, line in enumerate(file.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if text in line:
            return number
    return 1
