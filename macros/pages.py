"""The macros as pages call them: each binds the current page to a pure render function."""

from pathlib import Path

from .load import DataError
from .model import Course
from .render import glossary, modules, references, tables
from .render.links import linker_for


def page_macros(course: Course, env) -> dict:
    sources = {s.id: s for s in course.comparison.sources}
    dimensions = {d.id: d for d in course.comparison.dimensions}
    groups = {g.id: g for g in course.comparison.groups}

    def link():
        return linker_for(env.page.file.src_uri, env.conf["use_directory_urls"])

    def current_module():
        return course.module(_known(env.page.meta.get("module"), {m.id for m in course.modules}, "module"))

    def cite(*source_ids: str) -> str:
        """(Author, year; ...) linked to the references page."""
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
                                       anchored=group_id is None)

    def dimension_card(dimension_id: str) -> str:
        return tables.dimension_card(dimensions[_known(dimension_id, dimensions, "dimension")], sources, link())

    def module_overview() -> str:
        module = current_module()
        return modules.module_overview(module, course.reading_minutes[module.id])

    def key_points() -> str:
        return modules.key_points(current_module())

    def learning_path() -> str:
        return modules.learning_path(course.modules, course.reading_minutes, link())

    def glossary_list() -> str:
        return glossary.glossary_list(course.terms, sources, dimensions, link())

    def references_list() -> str:
        return references.references_list(course.comparison.sources)

    return {
        "cite": cite, "citet": citet, "comparison_table": comparison_table, "dimension_card": dimension_card,
        "module_overview": module_overview, "key_points": key_points, "learning_path": learning_path,
        "glossary": glossary_list, "references": references_list,
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
