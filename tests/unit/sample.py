"""A small course model for unit tests: built in code, no files, no build."""

from macros.model import Dimension, Group, Module, Objective, Source, Term

KOTTER = Source(id="kotter1990hbr", kind="article", short="Kotter", year="1990a", authors="Kotter, J. P.",
                title="What leaders really do", published_in="Harvard Business Review", details="68(3), 103–111")
BENNIS = Source(id="bennis1989", kind="book", short="Bennis", year="1989", authors="Bennis, W.",
                title="On Becoming a Leader")
SOURCES = {s.id: s for s in (KOTTER, BENNIS)}
ESSAY = Group(id="essay", title="The essay's differences", description="Contrasts from the essay.")
KOTTER_GROUP = Group(id="kotter", title="Kotter's three tasks", description="Three tasks.")
FOCUS = Dimension(id="focus", name="Primary focus", group="essay", management="Stability",
                  leadership="Change", note="A tendency.", claims=["D2"], sources=["kotter1990hbr"])
AGENDA = Dimension(id="setting-the-agenda", name="Deciding what to do", group="kotter",
                   management="Planning and budgeting", leadership="Establishing direction",
                   sources=["kotter1990hbr", "bennis1989"])
FAYOL_OBJECTIVE = Objective(id="management-fayol", text="Explain Fayol's five elements.", level="understand")
MODULE = Module(id="management", title="Management", page="management/index.md", summary="What managers do.",
                questions=["What do managers do?"], objectives=[FAYOL_OBJECTIVE],
                key_points=["Management copes with complexity."])
TERM = Term(id="vision", term="Vision", definition="A picture of a desirable future.", source="bennis1989",
            dimensions=["focus"])


def link(to_src, anchor=None):
    """A linker as seen from the differences page with directory URLs."""
    from macros.render.links import relative_href

    return relative_href("differences/index.md", to_src, anchor, True)
