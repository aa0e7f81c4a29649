"""The typed model of the course data: what each YAML file in docs/data/ may hold.

The JSON Schemas in docs/data/schema/ are generated from these classes
(`python -m macros.schema`), so editors and the build check the same rules.
"""

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
ClaimId = Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]+$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]
"""The levels of the revised Bloom taxonomy that the course teaches and tests at, lowest first."""
LEVELS: tuple[str, ...] = get_args(Level)
ABOVE_RECALL = ("apply", "analyse", "evaluate")


class Record(BaseModel):
    # Numbers in text fields (a year, say) are read as text; unknown fields are errors.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Source(Record):
    """One entry of the references list."""

    id: Id
    kind: Literal["article", "book", "chapter", "web"]
    short: Text = Field(description="Author names as cited in the text, e.g. 'Bennis & Nanus'.")
    year: Text = Field(description="Year as cited, with a letter where one author has two works that year.")
    authors: Text = Field(description="Authors as they appear in the references list.")
    title: Text
    published_in: Text | None = Field(None, description="Journal, book or site the work appeared in.")
    details: Text | None = Field(None, description="Publisher, volume, pages, editions.")
    url: Url | None = None


class Group(Record):
    """A set of dimensions that one module shows together."""

    id: Id
    title: Text
    description: Text


class Dimension(Record):
    """One row of the comparison: how management and leadership differ on one aspect."""

    id: Id
    name: Text
    group: Id
    management: Text
    leadership: Text
    note: Text | None = None
    claims: list[ClaimId] = Field(default_factory=list, description="Ids from claims.yml this row teaches.")
    sources: list[Id] = Field(min_length=1)


class Comparison(Record):
    """docs/data/comparison.yml: the single source of truth for the comparison."""

    sources: list[Source] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    dimensions: list[Dimension] = Field(min_length=1)


class Objective(Record):
    """What a learner can do after a module: measurable, so the bank can test it."""

    id: Id = Field(description="Unique across the course, e.g. 'management-classify-work'.")
    text: Text = Field(description="Starts with an action verb: classify, diagnose, justify, compare, design...")
    level: Level = Field(description="The level the objective is taught and tested at.")


class Module(Record):
    """One of the four course modules and the page that teaches it."""

    id: Id
    title: Text
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_/-]+\.md$")]
    summary: Text
    questions: list[Text] = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=1)
    key_points: list[Text] = Field(min_length=1)


class Assessment(Record):
    """How the final assessment is drawn and passed."""

    pass_mark: int = Field(ge=0, le=100, description="Percent: the final's pass mark and the SCORM/cmi5 mastery score.")
    final_items: int = Field(ge=20, description="How many items one attempt of the final draws from the final pool.")


class CourseFile(Record):
    """docs/data/course.yml: the modules, in teaching order, and the final assessment's rules."""

    modules: list[Module] = Field(min_length=1)
    assessment: Assessment


class Term(Record):
    """A glossary entry."""

    id: Id
    term: Text
    definition: Text
    source: Id
    dimensions: list[Id] = Field(default_factory=list, description="Ids of related comparison dimensions.")


class GlossaryFile(Record):
    """docs/data/glossary.yml: the terms the course defines."""

    terms: list[Term] = Field(min_length=1)


class QuizOption(Record):
    """One choice of a self-check question, with the line a learner reads after choosing it."""

    text: Text
    explanation: Text = Field(description="One line saying why this option is right or wrong.")


class MatchPair(Record):
    """One row of a matching item: a premise, its right response, and why."""

    premise: Text
    response: Text = Field(description="The right choice; every pair's response (and the distractors) is a choice.")
    explanation: Text


Use = Literal["check", "inline", "pretest", "final"]


class QuizItem(Record):
    """One question of the item bank; `used_in` says where the course asks it."""

    id: Id = Field(description="Stable: the same id in every export format.")
    module: Id
    objective: Id = Field(description="The id of one of its module's objectives in course.yml.")
    level: Level
    kind: Literal["mcq", "classify", "true_false", "multiple", "matching"] = Field(
        description="mcq: one right option; classify: management, leadership or both?; true_false; "
                    "multiple: choose all that apply; matching: pair each premise with a response.")
    prompt: Text
    options: list[QuizOption] = Field(default_factory=list, description="Every kind but matching.")
    answer: int | None = Field(None, description="mcq, classify, true_false: the right option, counting from 0.")
    answers: list[int] = Field(default_factory=list, description="multiple: every right option, counting from 0.")
    pairs: list[MatchPair] = Field(default_factory=list, description="matching: the rows to match.")
    distractors: list[Text] = Field(default_factory=list, description="matching: extra wrong choices.")
    source: Id
    used_in: list[Use] = Field(
        default_factory=lambda: ["check", "final"],
        description="check: the module's end-of-page check; inline: a pause-and-check inside the page; "
                    "pretest; final: the final's pool.")
    review_in: list[Id] = Field(
        default_factory=list,
        description="Later modules whose end-of-page check repeats this item, as spaced retrieval.")

    def correct_options(self) -> list[int]:
        """The right option(s) as a list: empty for matching."""
        return [self.answer] if self.answer is not None else list(self.answers)

    def choices(self) -> list[str]:
        """matching: the choices every premise's select offers, in a fixed order (sorted, so no pair gives
        itself away by position)."""
        return sorted({pair.response for pair in self.pairs} | set(self.distractors), key=str.casefold)


class QuizFile(Record):
    """docs/data/quiz.yml: the self-check questions of every module."""

    items: list[QuizItem] = Field(min_length=1)


class Prompt(Record):
    """A reflection question or discussion prompt, with the sources it draws on."""

    text: Text
    sources: list[Id] = Field(default_factory=list)


class Scenario(Record):
    """A short case for learners, with a model answer that stays folded away until they open it."""

    id: Id
    title: Text
    situation: Text
    tasks: list[Text] = Field(min_length=1)
    model_answer: Text
    dimensions: list[Id] = Field(default_factory=list, description="Ids of the comparison rows the case touches.")
    sources: list[Id] = Field(default_factory=list)


class ModuleActivities(Record):
    """The activities that close one module."""

    module: Id
    scenarios: list[Scenario] = Field(min_length=1)
    reflection: list[Prompt] = Field(min_length=1)
    discussion: list[Prompt] = Field(min_length=1)


class ActivityFormat(Record):
    """How an instructor runs one kind of activity."""

    id: Id
    title: Text
    minutes: int = Field(gt=0)
    modules: list[Id] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)


class LessonStep(Record):
    minutes: int = Field(gt=0)
    activity: Text
    format: Id | None = Field(None, description="The id of an activity format this step runs.")


class LessonPlan(Record):
    """A timed plan for one session; its steps add up to its length."""

    id: Id
    title: Text
    minutes: int = Field(gt=0)
    steps: list[LessonStep] = Field(min_length=1)


class CardSort(Record):
    """The manager-versus-leader card sort; its cards come from the comparison's dimensions."""

    columns: list[Text] = Field(min_length=2)
    source: Id
    leave_out: list[Id] = Field(default_factory=list,
                                description="Dimensions that are analogies or interpretations, so have no one right column.")

    def dimensions(self, all_dimensions: list["Dimension"]) -> list["Dimension"]:
        return [d for d in all_dimensions if d.id not in self.leave_out]


class Misconception(Record):
    id: Id
    misconception: Text
    correction: Text
    sources: list[Id] = Field(min_length=1)


class ActivitiesFile(Record):
    """docs/data/activities.yml: module activities and the instructors' guide material."""

    modules: list[ModuleActivities] = Field(min_length=1)
    formats: list[ActivityFormat] = Field(min_length=1)
    lesson_plans: list[LessonPlan] = Field(min_length=1)
    card_sort: CardSort
    misconceptions: list[Misconception] = Field(min_length=1)


class RubricCriterion(Record):
    """One row of a rubric: what is judged, and what each level looks like, lowest first."""

    name: Text
    levels: list[Text] = Field(min_length=4, max_length=4, description="One text per level of rubric_levels.")


class WorkedStep(Record):
    title: Text
    text: Text


class WorkedCase(Record):
    """A module's extended case: a fictional organisation, then the analysis worked through step by step."""

    id: Id
    module: Id
    title: Text
    situation: list[Text] = Field(min_length=1, description="The case, one paragraph per entry.")
    steps: list[WorkedStep] = Field(min_length=3, description="The analysis, one step per entry.")
    takeaway: Text
    sources: list[Id] = Field(min_length=1)


class ReflectionRubric(Record):
    """How a module's reflection is judged, with a model answer."""

    module: Id
    prompt: int = Field(0, ge=0, description="Which of the module's reflection questions (from 0) the model answers.")
    criteria: list[RubricCriterion] = Field(min_length=2)
    model_answer: list[Text] = Field(min_length=1, description="One paragraph per entry.")


class Capstone(Record):
    title: Text
    brief: list[Text] = Field(min_length=1, description="The case brief, one paragraph per entry (600 words or more).")
    task: list[Text] = Field(min_length=1, description="What to hand in: an opening line, then one entry per part.")
    criteria: list[RubricCriterion] = Field(min_length=4, max_length=4, description="The instructors' rubric.")
    checklist: list[Text] = Field(min_length=1, description="The learners' self-assessment checklist.")
    sources: list[Id] = Field(min_length=1)


class PracticeFile(Record):
    """docs/data/practice.yml: worked cases, reflection rubrics and the capstone."""

    rubric_levels: list[Text] = Field(min_length=4, max_length=4, description="The levels' names, lowest first.")
    worked_cases: list[WorkedCase] = Field(min_length=1)
    reflection_rubrics: list[ReflectionRubric] = Field(min_length=1)
    capstone: Capstone


ClaimsFile = dict[Id, dict[ClaimId, Text]]
"""docs/data/claims.yml: the essay's claims by module (a copy of shared/source/claims.yml)."""


class Course(BaseModel):
    """Everything the macros and build outputs read, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    comparison: Comparison
    modules: list[Module]
    terms: list[Term]
    claims: dict[str, dict[str, str]]
    reading_minutes: dict[str, int]
    quiz: list[QuizItem]
    activities: ActivitiesFile
    assessment: Assessment
    practice: PracticeFile

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def objectives(self) -> list[Objective]:
        return [objective for module in self.modules for objective in module.objectives]

    def objective(self, objective_id: str) -> Objective:
        return next(o for o in self.objectives() if o.id == objective_id)

    def module_of_objective(self, objective_id: str) -> Module:
        return next(m for m in self.modules if any(o.id == objective_id for o in m.objectives))

    def item(self, item_id: str) -> QuizItem:
        return next(item for item in self.quiz if item.id == item_id)

    def quiz_items(self, module_id: str) -> list[QuizItem]:
        """Every item of a module's bank, wherever it is used."""
        return [item for item in self.quiz if item.module == module_id]

    def self_check(self, module_id: str) -> list[QuizItem]:
        """The end-of-page check: the module's own items, then items from earlier modules to retrieve again."""
        own = [item for item in self.quiz if item.module == module_id and "check" in item.used_in]
        return own + [item for item in self.quiz if module_id in item.review_in]

    def inline_checks(self, module_id: str) -> list[QuizItem]:
        return [item for item in self.quiz if item.module == module_id and "inline" in item.used_in]

    def pretest(self) -> list[QuizItem]:
        return [item for item in self.quiz if "pretest" in item.used_in]

    def final_pool(self) -> list[QuizItem]:
        return [item for item in self.quiz if "final" in item.used_in]

    def worked_case(self, module_id: str) -> WorkedCase:
        return next(case for case in self.practice.worked_cases if case.module == module_id)

    def reflection_rubric(self, module_id: str) -> ReflectionRubric:
        return next(rubric for rubric in self.practice.reflection_rubrics if rubric.module == module_id)

    def items_of_objective(self, objective_id: str) -> list[QuizItem]:
        return [item for item in self.quiz if item.objective == objective_id]

    def module_activities(self, module_id: str) -> ModuleActivities:
        return next(entry for entry in self.activities.modules if entry.module == module_id)

    def all_claim_ids(self) -> set[str]:
        return {claim_id for group in self.claims.values() for claim_id in group}
