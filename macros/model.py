"""The typed model of the course data: what each YAML file in docs/data/ may hold.

The JSON Schemas in docs/data/schema/ are generated from these classes
(`python -m macros.schema`), so editors and the build check the same rules.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
ClaimId = Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]+$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


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


class Module(Record):
    """One of the four course modules and the page that teaches it."""

    id: Id
    title: Text
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_/-]+\.md$")]
    summary: Text
    questions: list[Text] = Field(min_length=1)
    objectives: list[Text] = Field(min_length=1)
    key_points: list[Text] = Field(min_length=1)


class CourseFile(Record):
    """docs/data/course.yml: the modules, in teaching order."""

    modules: list[Module] = Field(min_length=1)


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

    def source(self, source_id: str) -> Source:
        return next(s for s in self.comparison.sources if s.id == source_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.comparison.dimensions if d.id == dimension_id)

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def all_claim_ids(self) -> set[str]:
        return {claim_id for group in self.claims.values() for claim_id in group}
