"""Read the YAML data once, check it, and turn it into the typed Course model.

Every problem becomes one DataError whose text names the file, the line and column,
the field and what was expected, e.g.

    docs/data/comparison.yml:42:7: field 'dimensions[3].leadership': expected non-empty text

PyYAML's `compose` keeps the position of every node, so a pydantic error (which knows
only the path to the field) can be traced back to the line a contributor must fix.
"""

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .model import (ActivitiesFile, ClaimsFile, Comparison, Course, CourseFile, GlossaryFile, Module, PracticeFile,
                    QuizFile, QuizItem)

Path_ = tuple[str | int, ...]
WORDS_PER_MINUTE = 200
MIN_WORKED_CASE_WORDS = 400
MIN_CAPSTONE_BRIEF_WORDS = 600


class DataError(Exception):
    """A problem in a contributor's file, worded for them."""

    def __init__(self, file: Path | str, line: int, column: int, field: str | None, expected: str):
        self.file, self.line, self.column, self.field, self.expected = str(file), line, column, field, expected
        where = f"{display_path(file)}:{line}:{column}"
        super().__init__(f"{where}: field '{field}': {expected}" if field else f"{where}: {expected}")


def display_path(file: Path | str) -> str:
    """The path as a contributor would type it: relative to the project when inside it."""
    relative = os.path.relpath(file)
    return str(file) if relative.startswith("..") else relative


# --- YAML with positions ---------------------------------------------------------------

class Marks:
    """Where each value of a YAML document stands: path -> (line, column), both 1-based."""

    def __init__(self) -> None:
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}

    def add(self, path: Path_, node: yaml.Node, key_node: yaml.Node | None = None) -> None:
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if key_node is not None:
            self.key_positions[path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)

    def key(self, path: Path_) -> tuple[int, int]:
        """Where a field's name stands (for an unknown field), else where its value does."""
        return self.key_positions.get(path) or self.nearest(path)

    def nearest(self, path: Path_) -> tuple[int, int]:
        """The position of the path, or of its closest ancestor that exists (for a missing field)."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


# libyaml's parser (shipped in PyYAML's wheels) keeps the same positions and is several times faster; the build
# reads the data once per plugin and hook, so this was most of our share of the build time (make bench).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree, by libyaml; on an error, by the pure-Python parser, whose messages name the character."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(file: Path) -> tuple[Any, Marks]:
    """Parse one YAML file into plain Python values and the position of each value."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError(file, line, column, None, "this byte is not UTF-8; save the file as UTF-8") from None
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if "\t" in problem or "'\\t'" in problem:
            problem += " (indent with spaces, not tabs)"
        raise DataError(file, mark.line + 1, mark.column + 1, None, f"invalid YAML: {problem}") from None
    if root is None:
        raise DataError(file, 1, 1, None, "the file is empty; expected a mapping of fields")
    marks = Marks()
    return _to_python(root, (), marks, file), marks


_scalars = yaml.constructor.SafeConstructor()


def _to_python(node: yaml.Node, path: Path_, marks: Marks, file: Path, key_node: yaml.Node | None = None) -> Any:
    marks.add(path, node, key_node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalars.construct_object(key_node)
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise DataError(file, line, column, field_name(path + (key,)), "this field appears twice; keep one")
            result[key] = _to_python(value_node, path + (key,), marks, file, key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (index,), marks, file) for index, item in enumerate(node.value)]
    return _scalars.construct_object(node)


def field_name(path: Path_) -> str:
    """('dimensions', 3, 'name') -> 'dimensions[3].name'"""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


# --- Validation against the model ------------------------------------------------------

def _allowed_fields(schema: dict[str, Any], path: Path_) -> list[str]:
    """The field names the schema allows in the mapping that holds `path`."""
    node = schema
    for part in path[:-1]:
        node = schema["$defs"][node["$ref"].split("/")[-1]] if "$ref" in node else node
        node = node["items"] if isinstance(part, int) else node.get("properties", {}).get(part, {})
    node = schema["$defs"][node["$ref"].split("/")[-1]] if "$ref" in node else node
    return list(node.get("properties", {}))


def _expected(error: dict[str, Any], schema: dict[str, Any]) -> str:
    """Pydantic's error, reworded for someone who edits YAML rather than Python."""
    kind, context = error["type"], error.get("ctx", {})
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(schema, tuple(error["loc"]))
        return "unknown field; expected one of: " + ", ".join(allowed) if allowed else "unknown field"
    if kind == "string_too_short":
        return "expected non-empty text"
    if kind in ("string_type", "str_type"):
        return "expected text"
    if kind == "list_type":
        return "expected a list (lines starting with '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "expected a mapping of fields (lines of 'name: value')"
    if kind == "too_short":
        return f"expected at least {context.get('min_length')} item(s)"
    if kind == "literal_error":
        return f"expected one of {context.get('expected')}"
    if kind == "string_pattern_mismatch":
        return _PATTERN_HINTS.get(context.get("pattern", ""), f"expected text matching {context.get('pattern')}")
    return "expected " + error["msg"][0].lower() + error["msg"][1:]


_PATTERN_HINTS = {
    r"^[a-z0-9][a-z0-9_-]*$": "expected an id: lowercase letters, digits, '-' or '_'",
    r"^[A-Z][0-9]+$": "expected a claim id such as 'M3' (see docs/data/claims.yml)",
    r"^https?://\S+$": "expected a web address starting with https://",
    r"^[a-z0-9_/-]+\.md$": "expected the path of a page under docs/, such as 'management/index.md'",
}


def validate(model: Any, data: Any, marks: Marks, file: Path) -> Any:
    """Check plain data against a model class or type; the first problem becomes a DataError."""
    adapter = TypeAdapter(model)
    try:
        return adapter.validate_python(data)
    except ValidationError as errors:
        # A misspelt field shows as both "unknown" and "missing": name the misspelling first.
        error = min(errors.errors(), key=lambda e: e["type"] != "extra_forbidden")
        path = tuple(error["loc"])
        # A bad name in a mapping of ids (claims.yml) is reported at the name, without pydantic's "[key]".
        if path[-1:] == ("[key]",):
            path = path[:-1]
            line, column = marks.key(path)
        # A missing field has no position of its own: point at the entry that lacks it.
        elif error["type"] == "missing":
            line, column = marks.nearest(path[:-1])
        elif error["type"] == "extra_forbidden":
            line, column = marks.key(path)
        else:
            line, column = marks.nearest(path)
        expected = _expected(error, adapter.json_schema())
        raise DataError(file, line, column, field_name(path) or "(top level)", expected) from None


def load_file(file: Path, model: type[BaseModel] | Any) -> tuple[Any, Marks]:
    if not file.is_file():
        raise DataError(file, 1, 1, None, "file not found; expected it in docs/data/")
    data, marks = read_yaml(file)
    return validate(model, data, marks, file), marks


# --- Cross-references ------------------------------------------------------------------

def check_unique(items: list[Any], key: str, list_name: str, marks: Marks, file: Path) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            first_line = marks.nearest((list_name, seen[value], key))[0]
            line, column = marks.nearest((list_name, index, key))
            raise DataError(file, line, column, f"{list_name}[{index}].{key}",
                            f"'{value}' is already used at line {first_line}; expected a unique {key}")
        seen[value] = index


def check_known(value: str, known: set[str], path: Path_, what: str, marks: Marks, file: Path) -> None:
    if value not in known:
        line, column = marks.nearest(path)
        hint = ", ".join(sorted(known)) if len(known) <= 12 else f"see the {what} list"
        raise DataError(file, line, column, field_name(path), f"unknown {what} '{value}'; expected one of: {hint}")


def _check_comparison(comparison: Comparison, claim_ids: set[str], marks: Marks, file: Path) -> None:
    check_unique(comparison.sources, "id", "sources", marks, file)
    check_unique(comparison.groups, "id", "groups", marks, file)
    check_unique(comparison.dimensions, "id", "dimensions", marks, file)
    source_ids = {s.id for s in comparison.sources}
    group_ids = {g.id for g in comparison.groups}
    for index, dimension in enumerate(comparison.dimensions):
        check_known(dimension.group, group_ids, ("dimensions", index, "group"), "group", marks, file)
        for position, claim in enumerate(dimension.claims):
            check_known(claim, claim_ids, ("dimensions", index, "claims", position), "claim", marks, file)
        for position, source in enumerate(dimension.sources):
            check_known(source, source_ids, ("dimensions", index, "sources", position), "source", marks, file)


def _check_glossary(glossary: GlossaryFile, comparison: Comparison, marks: Marks, file: Path) -> None:
    check_unique(glossary.terms, "id", "terms", marks, file)
    check_unique(glossary.terms, "term", "terms", marks, file)
    source_ids = {s.id for s in comparison.sources}
    dimension_ids = {d.id for d in comparison.dimensions}
    for index, term in enumerate(glossary.terms):
        check_known(term.source, source_ids, ("terms", index, "source"), "source", marks, file)
        for position, dimension in enumerate(term.dimensions):
            check_known(dimension, dimension_ids, ("terms", index, "dimensions", position), "dimension", marks, file)


def _check_modules(course: CourseFile, docs_dir: Path, marks: Marks, file: Path) -> dict[str, int]:
    check_unique(course.modules, "id", "modules", marks, file)
    minutes = {}
    for index, module in enumerate(course.modules):
        page = docs_dir / module.page
        if not page.is_file():
            line, column = marks.nearest(("modules", index, "page"))
            raise DataError(file, line, column, f"modules[{index}].page",
                            f"no page '{module.page}' in docs/; expected the path of an existing page")
        minutes[module.id] = reading_minutes(page.read_text(encoding="utf-8-sig"))
    return minutes


def _check_quiz(quiz: QuizFile, comparison: Comparison, modules: list[Module], marks: Marks, file: Path) -> None:
    check_unique(quiz.items, "id", "items", marks, file)
    source_ids = {s.id for s in comparison.sources}
    module_ids = [m.id for m in modules]
    objectives_of = {m.id: {o.id for o in m.objectives} for m in modules}
    all_objectives = {o for ids in objectives_of.values() for o in ids}
    for index, item in enumerate(quiz.items):
        check_known(item.module, set(module_ids), ("items", index, "module"), "module", marks, file)
        check_known(item.objective, all_objectives, ("items", index, "objective"), "objective", marks, file)
        if item.objective not in objectives_of[item.module]:
            _quiz_error(marks, file, index, "objective", f"'{item.objective}' is not an objective of module "
                        f"'{item.module}'; expected one of: {', '.join(sorted(objectives_of[item.module]))}")
        check_known(item.source, source_ids, ("items", index, "source"), "source", marks, file)
        later = module_ids[module_ids.index(item.module) + 1:]
        for position, module in enumerate(item.review_in):
            check_known(module, set(later), ("items", index, "review_in", position),
                        f"later module (after '{item.module}')", marks, file)
        _check_item_kind(item, index, marks, file)


def _quiz_error(marks: Marks, file: Path, index: int, field: str, expected: str) -> None:
    line, column = marks.nearest(("items", index, field))
    raise DataError(file, line, column, f"items[{index}].{field}", expected)


def _check_item_kind(item: QuizItem, index: int, marks: Marks, file: Path) -> None:
    """Each kind fills its own answer fields and leaves the others empty."""
    count = len(item.options)
    if item.kind == "matching":
        if len(item.pairs) < 2:
            _quiz_error(marks, file, index, "pairs", "a matching item expected at least 2 pairs")
        for field in ("options", "answer", "answers"):
            if getattr(item, field) not in (None, []):
                _quiz_error(marks, file, index, field, f"a matching item has no '{field}'; use pairs and distractors")
        seen: set[str] = set()
        for field, texts in (("pairs", [pair.response for pair in item.pairs]), ("distractors", item.distractors)):
            for position, text in enumerate(texts):
                if text in seen:
                    path = ("items", index, field, position) + (("response",) if field == "pairs" else ())
                    line, column = marks.nearest(path)
                    raise DataError(file, line, column, field_name(path),
                                    f"'{text}' is already a choice; expected every response and distractor to be "
                                    "different")
                seen.add(text)
        return
    if count < 2:
        _quiz_error(marks, file, index, "options", "expected at least 2 options")
    for field in ("pairs", "distractors"):
        if getattr(item, field):
            _quiz_error(marks, file, index, field, f"only a matching item has '{field}'")
    if item.kind == "multiple":
        if item.answer is not None:
            _quiz_error(marks, file, index, "answer", "a multiple item lists its right options under 'answers'")
        if not item.answers or len(set(item.answers)) != len(item.answers):
            _quiz_error(marks, file, index, "answers", "expected a list of different option numbers")
        if any(not 0 <= answer < count for answer in item.answers):
            _quiz_error(marks, file, index, "answers", f"expected option numbers from 0 to {count - 1}")
        return
    if item.answers:
        _quiz_error(marks, file, index, "answers", f"a {item.kind} item has one right option, under 'answer'")
    if item.answer is None or not 0 <= item.answer < count:
        _quiz_error(marks, file, index, "answer", f"expected the number of an option, from 0 to {count - 1}")
    if item.kind == "true_false" and [o.text for o in item.options] != ["True", "False"]:
        _quiz_error(marks, file, index, "options", "a true_false item expected exactly two options, 'True' then 'False'")


def _check_alignment(course: CourseFile, quiz: QuizFile, marks: Marks, file: Path) -> None:
    """Every objective is tested by at least two items, and the final can draw a full attempt."""
    seen: set[str] = set()
    for m_index, module in enumerate(course.modules):
        for o_index, objective in enumerate(module.objectives):
            if objective.id in seen:
                line, column = marks.nearest(("modules", m_index, "objectives", o_index, "id"))
                raise DataError(file, line, column, f"modules[{m_index}].objectives[{o_index}].id",
                                f"'{objective.id}' is already used; expected an id unique across the course")
            seen.add(objective.id)
            count = sum(item.objective == objective.id for item in quiz.items)
            if count < 2:
                line, column = marks.nearest(("modules", m_index, "objectives", o_index, "id"))
                raise DataError(file, line, column, f"modules[{m_index}].objectives[{o_index}].id",
                                f"objective '{objective.id}' is tested by {count} item(s) in quiz.yml; "
                                "expected at least 2")
    pool = sum("final" in item.used_in for item in quiz.items)
    if course.assessment.final_items > pool:
        line, column = marks.nearest(("assessment", "final_items"))
        raise DataError(file, line, column, "assessment.final_items",
                        f"the final pool in quiz.yml holds {pool} items; expected at most that many")


def _check_activities(activities: ActivitiesFile, comparison: Comparison, module_ids: set[str], marks: Marks,
                      file: Path) -> None:
    source_ids = {s.id for s in comparison.sources}
    dimension_ids = {d.id for d in comparison.dimensions}

    def sources(ids: list[str], path: Path_) -> None:
        for position, source in enumerate(ids):
            check_known(source, source_ids, path + (position,), "source", marks, file)

    check_unique(activities.modules, "module", "modules", marks, file)
    missing = module_ids - {m.module for m in activities.modules}
    if missing:
        line, column = marks.nearest(("modules",))
        raise DataError(file, line, column, "modules", f"expected activities for every module; missing: "
                        f"{', '.join(sorted(missing))}")
    scenario_ids: set[str] = set()
    for index, entry in enumerate(activities.modules):
        check_known(entry.module, module_ids, ("modules", index, "module"), "module", marks, file)
        for number, scenario in enumerate(entry.scenarios):
            path = ("modules", index, "scenarios", number)
            if scenario.id in scenario_ids:
                line, column = marks.nearest(path + ("id",))
                raise DataError(file, line, column, field_name(path + ("id",)),
                                f"'{scenario.id}' is already used; expected a unique id")
            scenario_ids.add(scenario.id)
            for position, dimension in enumerate(scenario.dimensions):
                check_known(dimension, dimension_ids, path + ("dimensions", position), "dimension", marks, file)
            sources(scenario.sources, path + ("sources",))
        for kind in ("reflection", "discussion"):
            for number, prompt in enumerate(getattr(entry, kind)):
                sources(prompt.sources, ("modules", index, kind, number, "sources"))

    check_unique(activities.formats, "id", "formats", marks, file)
    format_ids = {f.id for f in activities.formats}
    for index, activity in enumerate(activities.formats):
        for position, module in enumerate(activity.modules):
            check_known(module, module_ids, ("formats", index, "modules", position), "module", marks, file)
        sources(activity.sources, ("formats", index, "sources"))

    check_unique(activities.lesson_plans, "id", "lesson_plans", marks, file)
    for index, plan in enumerate(activities.lesson_plans):
        for number, step in enumerate(plan.steps):
            if step.format is not None:
                check_known(step.format, format_ids, ("lesson_plans", index, "steps", number, "format"),
                            "activity format", marks, file)
        total = sum(step.minutes for step in plan.steps)
        if total != plan.minutes:
            line, column = marks.nearest(("lesson_plans", index, "minutes"))
            raise DataError(file, line, column, f"lesson_plans[{index}].minutes",
                            f"the steps add up to {total} minutes; expected {plan.minutes}")

    check_known(activities.card_sort.source, source_ids, ("card_sort", "source"), "source", marks, file)
    for position, dimension in enumerate(activities.card_sort.leave_out):
        check_known(dimension, dimension_ids, ("card_sort", "leave_out", position), "dimension", marks, file)
    check_unique(activities.misconceptions, "id", "misconceptions", marks, file)
    for index, misconception in enumerate(activities.misconceptions):
        sources(misconception.sources, ("misconceptions", index, "sources"))


def _words(*texts: str) -> int:
    return sum(len(text.split()) for text in texts)


def _check_practice(practice: PracticeFile, comparison: Comparison, modules: list[Module],
                    activities: ActivitiesFile, marks: Marks, file: Path) -> None:
    """One worked case and one reflection rubric per module, long enough to be worth working through."""
    source_ids = {s.id for s in comparison.sources}
    module_ids = {m.id for m in modules}

    def every_module(entries: list[Any], list_name: str) -> None:
        check_unique(entries, "module", list_name, marks, file)
        for index, entry in enumerate(entries):
            check_known(entry.module, module_ids, (list_name, index, "module"), "module", marks, file)
        missing = module_ids - {entry.module for entry in entries}
        if missing:
            line, column = marks.nearest((list_name,))
            raise DataError(file, line, column, list_name, f"expected one for every module; missing: "
                            f"{', '.join(sorted(missing))}")

    every_module(practice.worked_cases, "worked_cases")
    for index, case in enumerate(practice.worked_cases):
        words = _words(*case.situation, *(step.title + " " + step.text for step in case.steps), case.takeaway)
        if words < MIN_WORKED_CASE_WORDS:
            line, column = marks.nearest(("worked_cases", index, "steps"))
            raise DataError(file, line, column, f"worked_cases[{index}]",
                            f"the case and its analysis have {words} words; expected at least {MIN_WORKED_CASE_WORDS}")
        for position, source in enumerate(case.sources):
            check_known(source, source_ids, ("worked_cases", index, "sources", position), "source", marks, file)
    every_module(practice.reflection_rubrics, "reflection_rubrics")
    for index, rubric in enumerate(practice.reflection_rubrics):
        prompts = next(entry.reflection for entry in activities.modules if entry.module == rubric.module)
        if rubric.prompt >= len(prompts):
            line, column = marks.nearest(("reflection_rubrics", index, "prompt"))
            raise DataError(file, line, column, f"reflection_rubrics[{index}].prompt",
                            f"module '{rubric.module}' has {len(prompts)} reflection question(s) in activities.yml; "
                            f"expected a number from 0 to {len(prompts) - 1}")
    brief = _words(*practice.capstone.brief)
    if brief < MIN_CAPSTONE_BRIEF_WORDS:
        line, column = marks.nearest(("capstone", "brief"))
        raise DataError(file, line, column, "capstone.brief",
                        f"the brief has {brief} words; expected at least {MIN_CAPSTONE_BRIEF_WORDS}")
    for position, source in enumerate(practice.capstone.sources):
        check_known(source, source_ids, ("capstone", "sources", position), "source", marks, file)


def reading_minutes(markdown: str) -> int:
    """Minutes to read a page at an unhurried pace, ignoring front matter and macro calls."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", body, flags=re.DOTALL)
    return max(1, round(len(re.findall(r"[\w'’-]+", body)) / WORDS_PER_MINUTE))


def course_of_build(config) -> Course:
    """The course the macros plugin loaded for this build (in define_env).

    MkDocs runs hooks after the plugins, so a hook reads the model from there instead of loading
    and checking the data a second time.
    """
    return config.plugins["macros"].variables["course"]


def load_course(docs_dir: Path) -> Course:
    """Load and cross-check every data file under docs_dir/data. Raises DataError."""
    data_dir = docs_dir / "data"
    claims, _ = load_file(data_dir / "claims.yml", ClaimsFile)
    claim_ids = {claim for group in claims.values() for claim in group}

    comparison_file = data_dir / "comparison.yml"
    comparison, comparison_marks = load_file(comparison_file, Comparison)
    _check_comparison(comparison, claim_ids, comparison_marks, comparison_file)

    glossary_file = data_dir / "glossary.yml"
    glossary, glossary_marks = load_file(glossary_file, GlossaryFile)
    _check_glossary(glossary, comparison, glossary_marks, glossary_file)

    course_file = data_dir / "course.yml"
    course, course_marks = load_file(course_file, CourseFile)
    minutes = _check_modules(course, docs_dir, course_marks, course_file)
    module_ids = {m.id for m in course.modules}

    quiz_file = data_dir / "quiz.yml"
    quiz, quiz_marks = load_file(quiz_file, QuizFile)
    _check_quiz(quiz, comparison, course.modules, quiz_marks, quiz_file)
    _check_alignment(course, quiz, course_marks, course_file)

    activities_file = data_dir / "activities.yml"
    activities, activities_marks = load_file(activities_file, ActivitiesFile)
    _check_activities(activities, comparison, module_ids, activities_marks, activities_file)

    practice_file = data_dir / "practice.yml"
    practice, practice_marks = load_file(practice_file, PracticeFile)
    _check_practice(practice, comparison, course.modules, activities, practice_marks, practice_file)

    return Course(comparison=comparison, modules=course.modules, terms=glossary.terms,
                  claims=claims, reading_minutes=minutes, quiz=quiz.items, activities=activities,
                  assessment=course.assessment, practice=practice)
