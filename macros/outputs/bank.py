"""The item bank as the export formats see it: the quizzes to build and the categories to file items in.

Every format (QTI, Canvas, Moodle XML, GIFT) exports the same quizzes from the one parsed bank:
one per module (its end-of-page self-check) and the final assessment's pool. Question banks
(the CC object bank, Moodle and GIFT categories) hold the whole bank, filed by module and objective.
"""

from dataclasses import dataclass

from macros.model import Course, QuizItem


@dataclass(frozen=True)
class Quiz:
    ident: str  # stable, e.g. "self-check-management" or "final"
    title: str
    items: list[QuizItem]


@dataclass(frozen=True)
class Category:
    module_title: str
    objective_id: str
    objective_text: str
    items: list[QuizItem]

    @property
    def path(self) -> list[str]:
        """Course, then module, then objective: the folders an LMS question bank shows."""
        return [self.module_title, f"{self.objective_id}: {self.objective_text}"]


def credit(course_title: str, site_url: str) -> str:
    """The attribution CC BY asks for, for files an LMS imports without our pages around them."""
    return f"From {course_title} ({site_url}), licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"


def quizzes(course: Course) -> list[Quiz]:
    """A quiz per module self-check, then the final assessment (its whole pool: the LMS draws from it)."""
    found = [Quiz(f"self-check-{module.id}", f"{module.title}: check your understanding", course.self_check(module.id))
             for module in course.modules]
    found.append(Quiz("final", "Final assessment", course.final_pool()))
    return [quiz for quiz in found if quiz.items]


def categories(course: Course) -> list[Category]:
    """Every item of the bank in exactly one category: its module and objective, in course order."""
    found = []
    for module in course.modules:
        for objective in module.objectives:
            items = [item for item in course.quiz if item.objective == objective.id]
            if items:
                found.append(Category(module.title, objective.id, objective.text, items))
    return found
