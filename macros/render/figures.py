"""The course's figures, drawn from docs/data/figures.yml as inline SVG with drawsvg.

Each builder is a pure function from one figure's data to HTML: an SVG with real, selectable text
(role="img", a <title> and a <desc>), a caption with its citations, and the same data as a table for
readers who cannot see the drawing. Everything is drawn in `currentColor`, with transparency for fills,
so a figure takes the text colour of the page: legible in the light and dark schemes and in print,
with no stylesheet needed (an e-reader without ours still shows it). The drawings are narrow (400
units across) so that their text stays legible when a phone scales them down to fit.

Why drawsvg rather than strings: it escapes every text and attribute value and writes well-formed XML,
which the EPUB (XHTML) needs; see ARCHITECTURE.md for why drawsvg and not svgwrite.
"""

import textwrap

import drawsvg as draw

from ..model import Figure, KatzFigure, KotterFigure, LineageFigure, RolesFigure, Source
from .links import Linker
from .references import cite
from .text import attribute, escape

WIDTH = 400
FONT = 15
SMALL = 13.5
LINE = 18  # the distance between two lines of wrapped text
TINT, STRONG_TINT = 0.10, 0.28  # fill opacities of boxes and of highlighted boxes


def _drawing(figure: Figure, height: float) -> draw.Drawing:
    """The SVG root: scalable (viewBox), an image to assistive technology, named by its title and desc."""
    prefix = f"figure-{figure.id}"
    drawing = draw.Drawing(WIDTH, height, role="img", class_="figure-svg",
                           aria_labelledby=f"{prefix}-title {prefix}-desc")
    drawing.append(draw.Title(figure.title, id=f"{prefix}-title"))
    drawing.append(_Desc(figure.description, id=f"{prefix}-desc"))
    return drawing


class _Desc(draw.Title):
    """drawsvg has a <title> element but no <desc>; the same element under its own tag name."""

    TAG_NAME = "desc"


def _text(drawing: draw.Drawing, text: str | list[str], x: float, y: float, size: float = FONT,
          anchor: str = "start", bold: bool = False, **extra) -> None:
    weight = {"font_weight": "bold"} if bold else {}
    drawing.append(draw.Text(text, size, x, y, fill="currentColor", text_anchor=anchor,
                             line_height=LINE / size, **weight, **extra))


def _box(drawing: draw.Drawing, x: float, y: float, width: float, height: float, strong: bool = False,
         dashed: bool = False) -> None:
    dash = {"stroke_dasharray": "5 3"} if dashed else {}
    drawing.append(draw.Rectangle(x, y, width, height, rx=4, fill="currentColor",
                                  fill_opacity=STRONG_TINT if strong else TINT, stroke="currentColor",
                                  stroke_width=2.5 if strong else 1, **dash))


def _svg(drawing: draw.Drawing) -> str:
    # One line, no XML declaration: it sits inside an HTML page (and inside XHTML in the EPUB).
    return " ".join(drawing.as_svg(header="").split("\n"))


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [text]


# --- The four drawings -------------------------------------------------------------------------------------

def katz_svg(figure: KatzFigure) -> str:
    """For each level (top first), one bar per skill, its length the emphasis Katz gave the skill there."""
    label_width, bar_left = 98, 104
    bar_room = WIDTH - bar_left - 52
    block = 30 + 26 * len(figure.skills) + 14
    drawing = _drawing(figure, block * len(figure.levels))
    for level_index, level in enumerate(figure.levels):
        top = level_index * block
        _text(drawing, level, 0, top + 20, bold=True)
        for skill_index, skill in enumerate(figure.skills):
            y = top + 30 + skill_index * 26
            emphasis = skill.emphasis[level_index]
            length = round(bar_room * emphasis / len(figure.scale), 1)
            _text(drawing, skill.name, label_width, y + 15, size=SMALL, anchor="end")
            _box(drawing, bar_left, y + 2, length, 18, strong=emphasis == len(figure.scale))
            _text(drawing, figure.scale[emphasis - 1], bar_left + length + 6, y + 15, size=SMALL)
    return _svg(drawing)


def kotter_svg(figure: KotterFigure) -> str:
    """Management across (weak, strong), leadership up (strong at the top): one cell per mix."""
    left, bottom_room, cell_width, cell_height = 44, 52, 176, 176
    height = 2 * cell_height + bottom_room
    drawing = _drawing(figure, height)
    columns, rows = {"weak": 0, "strong": 1}, {"strong": 0, "weak": 1}
    for cell in figure.cells:
        x = left + columns[cell.management] * cell_width
        y = rows[cell.leadership] * cell_height
        both_strong = cell.management == cell.leadership == "strong"
        _box(drawing, x + 2, y + 2, cell_width - 4, cell_height - 4, strong=both_strong)
        _text(drawing, _wrap(cell.label, 19), x + 10, y + 22, bold=True)
        label_lines = len(_wrap(cell.label, 19))
        _text(drawing, _wrap(cell.text, 22), x + 10, y + 24 + LINE * label_lines, size=SMALL)
    for strength, column in columns.items():
        _text(drawing, strength, left + column * cell_width + cell_width / 2, 2 * cell_height + 18, size=SMALL,
              anchor="middle")
    _text(drawing, "Management", left + cell_width, 2 * cell_height + 42, bold=True, anchor="middle")
    for strength, row in rows.items():
        middle = row * cell_height + cell_height / 2
        _text(drawing, strength, 36, middle, size=SMALL, anchor="middle", transform=f"rotate(-90 36 {middle})")
    _text(drawing, "Leadership", 14, cell_height, bold=True, anchor="middle", transform=f"rotate(-90 14 {cell_height})")
    return _svg(drawing)


def lineage_svg(figure: LineageFigure) -> str:
    """One column per list, one box per function; a line joins a function to each earlier one it continues.
    A function with no earlier counterpart has a dashed border."""
    column_width, row, box_height, head = 104, 34, 26, 48
    stages = figure.stages
    column_step = round(column_width + (WIDTH - len(stages) * column_width) / max(1, len(stages) - 1), 1)
    tallest = max(len(stage.functions) for stage in stages)
    drawing = _drawing(figure, head + tallest * row)
    places: dict[str, tuple[float, float]] = {}
    for number, stage in enumerate(stages):
        x = number * column_step
        _text(drawing, [stage.name, stage.year], x + column_width / 2, 16, size=SMALL, anchor="middle", bold=True)
        for index, function in enumerate(stage.functions):
            y = head + index * row
            for origin in function.from_:
                origin_x, origin_y = places[origin]
                drawing.append(draw.Line(origin_x, origin_y, x, y + box_height / 2, stroke="currentColor",
                                         stroke_opacity=0.55, stroke_width=1.2))
            _box(drawing, x, y, column_width, box_height, dashed=number > 0 and not function.from_)
            _text(drawing, function.name, x + column_width / 2, y + 18, size=SMALL, anchor="middle")
            places[function.id] = (x + column_width, y + box_height / 2)
    return _svg(drawing)


def roles_svg(figure: RolesFigure) -> str:
    """Each family as a heading over its roles, two to a row; the highlighted role in bold."""
    column_width, row, box_height, heading = (WIDTH - 8) / 2, 32, 26, 26
    blocks = [heading + row * ((len(family.roles) + 1) // 2) + 10 for family in figure.families]
    drawing = _drawing(figure, sum(blocks))
    top = 0.0
    for family, block in zip(figure.families, blocks):
        _text(drawing, f"{family.name} roles", 0, top + 18, bold=True)
        for index, role in enumerate(family.roles):
            x = (index % 2) * (column_width + 8)
            y = top + heading + (index // 2) * row
            highlighted = role == figure.highlight
            _box(drawing, x, y, column_width, box_height, strong=highlighted)
            _text(drawing, role, x + 10, y + 18, size=SMALL, bold=highlighted)
        top += block
    return _svg(drawing)


# --- The same data as tables -------------------------------------------------------------------------------

def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    header = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    body = "".join("<tr>" + f'<th scope="row">{escape(row[0])}</th>'
                   + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>" for row in rows)
    return (f'<table class="learning-table figure-table"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")


def katz_table(figure: KatzFigure) -> str:
    rows = [[skill.name] + [figure.scale[value - 1] for value in skill.emphasis] for skill in figure.skills]
    return _table(f"{figure.title}: how much each skill matters", ["Skill", *figure.levels], rows)


def kotter_table(figure: KotterFigure) -> str:
    rows = [[cell.label, cell.management, cell.leadership, cell.text] for cell in figure.cells]
    return _table(figure.title, ["Cell", "Management", "Leadership", "What it tends to produce"], rows)


def lineage_table(figure: LineageFigure) -> str:
    names = {f.id: f"{f.name} ({stage.name})" for stage in figure.stages for f in stage.functions}
    rows = [[function.name, f"{stage.name} ({stage.year})",
             "; ".join(names[origin] for origin in function.from_) or ("the first list" if number == 0 else "new")]
            for number, stage in enumerate(figure.stages) for function in stage.functions]
    return _table(figure.title, ["Function", "List", "Continues"], rows)


def roles_table(figure: RolesFigure) -> str:
    rows = [[family.name, ", ".join(family.roles)] for family in figure.families]
    return _table(figure.title, ["Family", "Roles"], rows)


BUILDERS = {
    "katz": (katz_svg, katz_table),
    "kotter": (kotter_svg, kotter_table),
    "lineage": (lineage_svg, lineage_table),
    "roles": (roles_svg, roles_table),
}


def figure_block(figure: Figure, svg: str, table: str, sources: dict[str, Source], link: Linker) -> str:
    """The figure as a page shows it: drawing and caption, then the same data as a table, folded away.

    The block is what its embed view holds (data-embed="figure", macros/outputs/embeds.py).
    """
    citation = f" {cite([sources[i] for i in figure.sources], link)}" if figure.sources else ""
    anchor = f"figure-{figure.id}"
    return (
        f'<div class="course-figure" id="{attribute(anchor)}" data-embed="figure">'
        f'<figure>{svg}<figcaption>{escape(figure.caption)}{citation}</figcaption></figure>'
        f'<details class="figure-alternative"><summary>The figure as a table</summary>{table}</details></div>'
    )
