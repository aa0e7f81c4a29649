"""The corpus: broken and hostile edits a contributor might make, and what each must produce.

Each broken case is one edit to a copy of the project and the one message the build must
print. In `expected`, {line} stands for the line the edit changed (or, with `at`, the line of
the edited file where that text first appears), so the cases survive edits to the data above.
"""

from dataclasses import dataclass
from pathlib import Path

GLOSSARY = "docs/data/glossary.yml"
COMPARISON = "docs/data/comparison.yml"
COURSE = "docs/data/course.yml"
CLAIMS = "docs/data/claims.yml"
QUIZ = "docs/data/quiz.yml"
PRACTICE = "docs/data/practice.yml"
GLOSSARY_PAGE = "docs/glossary.md"
DIFFERENCES_PAGE = "docs/differences/index.md"


def first_changed_line(before: bytes, after: bytes) -> int:
    index = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    return before[:index].count(b"\n") + 1


@dataclass(frozen=True)
class Replace:
    """Replace the first occurrence of `old` (which must be there) with `new`."""

    file: str
    old: str | bytes
    new: str | bytes

    def apply(self, project: Path) -> int:
        path = project / self.file
        before = path.read_bytes()
        old = self.old.encode() if isinstance(self.old, str) else self.old
        new = self.new.encode() if isinstance(self.new, str) else self.new
        assert old in before, f"the corpus edit expects {self.old!r} in {self.file}; update the case"
        path.write_bytes(before.replace(old, new, 1))
        return first_changed_line(before, path.read_bytes())


@dataclass(frozen=True)
class Append:
    file: str
    text: str

    def apply(self, project: Path) -> int:
        path = project / self.file
        before = path.read_bytes()
        path.write_bytes(before.rstrip(b"\n") + b"\n\n" + self.text.encode() + b"\n")
        return before.rstrip(b"\n").count(b"\n") + 3


@dataclass(frozen=True)
class Write:
    """Replace the whole file."""

    file: str
    content: bytes

    def apply(self, project: Path) -> int:
        (project / self.file).write_bytes(self.content)
        return 1


@dataclass(frozen=True)
class Delete:
    file: str

    def apply(self, project: Path) -> int:
        (project / self.file).unlink()
        return 1


@dataclass(frozen=True)
class Broken:
    name: str
    description: str
    edit: Replace | Append | Write | Delete
    expected: str
    at: str | None = None

    def message(self, project: Path, changed_line: int) -> str:
        line = changed_line
        if self.at is not None:
            text = (project / self.edit.file).read_text(encoding="utf-8-sig")
            line = next(n for n, content in enumerate(text.splitlines(), start=1) if self.at in content)
        return self.expected.format(line=line)


@dataclass(frozen=True)
class Hostile:
    """A valid but hostile value: the build succeeds and the page shows it as typed."""

    name: str
    description: str
    edit: Replace
    page: str  # source path of the page that shows the value
    shown: str  # the text a reader must see, character for character


BROKEN = [
    # --- YAML that does not parse -----------------------------------------------------------
    Broken("yaml-unclosed-bracket", "a flow list is never closed",
           Replace(GLOSSARY, "dimensions: [focus, impact]", "dimensions: [focus, impact"),
           "docs/data/glossary.yml:{line}:7: invalid YAML: expected ',' or ']', but got ':'",
           at="  - id: leadership"),
    Broken("yaml-unclosed-quote", "a quoted value is never closed",
           Replace(COMPARISON, 'year: "1916"', 'year: "1916'),
           # The quote runs on to the next one, which is where YAML notices.
           "docs/data/comparison.yml:{line}:12: invalid YAML: expected <block end>, but found '<scalar>'",
           at='year: "1937"'),
    Broken("yaml-bad-indentation", "a field is indented one space less than its neighbours",
           Replace(COMPARISON, "    kind: book\n    short: Fayol", "    kind: book\n   short: Fayol"),
           "docs/data/comparison.yml:{line}:4: invalid YAML: expected <block end>, but found '<block mapping start>'",
           at="   short: Fayol"),
    Broken("yaml-tab-indentation", "a tab instead of spaces",
           Replace(GLOSSARY, "\n    term: Management", "\n\tterm: Management"),
           "docs/data/glossary.yml:{line}:1: invalid YAML: found character '\\t' that cannot start any token"
           " (indent with spaces, not tabs)"),
    Broken("yaml-colon-in-value", "an unquoted value that contains ': '",
           Replace(GLOSSARY, "term: POLC", "term: POLC: the four functions"),
           "docs/data/glossary.yml:{line}:15: invalid YAML: mapping values are not allowed here"),
    Broken("yaml-duplicate-key", "the same field twice in one entry",
           Replace(GLOSSARY, "    term: Management\n", "    term: Management\n    term: Manager\n"),
           "docs/data/glossary.yml:{line}:5: field 'terms[0].term': this field appears twice; keep one",
           at="term: Manager"),
    # --- The file itself -------------------------------------------------------------------------
    Broken("non-utf8-byte", "a Latin-1 byte from a copy and paste",
           Replace(COMPARISON, "générale".encode(), "g\xe9n\xe9rale".encode("latin-1")),
           "docs/data/comparison.yml:{line}:44: this byte is not UTF-8; save the file as UTF-8"),
    Broken("empty-file", "the file is emptied", Write(GLOSSARY, b""),
           "docs/data/glossary.yml:1:1: the file is empty; expected a mapping of fields"),
    Broken("comments-only-file", "only the schema comment is left",
           Write(GLOSSARY, b"# yaml-language-server: $schema=schema/glossary.schema.json\n"),
           "docs/data/glossary.yml:1:1: the file is empty; expected a mapping of fields"),
    Broken("list-at-top-level", "a list where the fields should be", Write(GLOSSARY, b"- management\n"),
           "docs/data/glossary.yml:1:1: field '(top level)': expected a mapping of fields (lines of 'name: value')"),
    Broken("missing-data-file", "a data file is deleted", Delete(COURSE),
           "docs/data/course.yml:1:1: file not found; expected it in docs/data/"),
    # --- Wrong type or shape -------------------------------------------------------------------
    Broken("wrong-type-list", "one value where a list is expected",
           Replace(GLOSSARY, "dimensions: [focus, impact]", "dimensions: focus"),
           "docs/data/glossary.yml:{line}:17: field 'terms[0].dimensions': expected a list (lines starting with '- ')"),
    Broken("wrong-type-text", "a list where text is expected",
           Replace(COMPARISON, 'year: "1916"', 'year: ["1916"]'),
           "docs/data/comparison.yml:{line}:11: field 'sources[0].year': expected text"),
    Broken("wrong-choice", "a value outside the allowed list",
           Replace(COMPARISON, "kind: book", "kind: novel"),
           "docs/data/comparison.yml:{line}:11: field 'sources[0].kind': expected one of 'article', 'book', "
           "'chapter' or 'web'"),
    Broken("bad-id", "an id with capitals and spaces",
           Replace(GLOSSARY, "id: polc", "id: POLC model"),
           "docs/data/glossary.yml:{line}:9: field 'terms[3].id': expected an id: lowercase letters, digits, '-' or '_'"),
    Broken("bad-url", "a web address without its scheme",
           Replace(COMPARISON, "url: https://quoteinvestigator.com", "url: quoteinvestigator.com"),
           "docs/data/comparison.yml:{line}:10: field 'sources[", at="url: quoteinvestigator.com"),
    Broken("bad-claim-id", "a claim id in lower case in claims.yml",
           Replace(CLAIMS, "  I1: ", "  i1: "),
           "docs/data/claims.yml:{line}:3: field 'intro.i1': expected a claim id such as 'M3'"),
    # --- Missing, unknown and empty fields -----------------------------------------------------
    Broken("missing-field", "a required field is removed",
           Replace(GLOSSARY, "    source: fayol1916\n", ""),
           "docs/data/glossary.yml:{line}:5: field 'terms[0].source': this required field is missing",
           at="  - id: management"),
    Broken("unknown-field", "a field the model does not have",
           Replace(GLOSSARY, "    term: Management\n", "    term: Management\n    colour: red\n"),
           "docs/data/glossary.yml:{line}:5: field 'terms[0].colour': unknown field", at="colour: red"),
    Broken("misspelt-field", "a field name with a typo",
           Replace(GLOSSARY, "    definition: The work", "    defintion: The work"),
           "docs/data/glossary.yml:{line}:5: field 'terms[0].defintion': unknown field"),
    Broken("empty-text", "an empty string",
           Replace(GLOSSARY, "term: Management", 'term: ""'),
           "docs/data/glossary.yml:{line}:11: field 'terms[0].term': expected non-empty text"),
    Broken("blank-text", "only spaces",
           Replace(GLOSSARY, "term: Management", 'term: "   "'),
           "docs/data/glossary.yml:{line}:11: field 'terms[0].term': expected non-empty text"),
    Broken("null-value", "a field left without a value",
           Replace(GLOSSARY, "term: Management", "term:"),
           "docs/data/glossary.yml:{line}:", at="term:"),
    Broken("empty-list", "a dimension without sources",
           Replace(COMPARISON, "sources: [kotter1990hbr, zaleznik1977, bennis1989]", "sources: []"),
           "docs/data/comparison.yml:{line}:14: field 'dimensions[0].sources': expected at least 1 item(s)"),
    # --- Duplicates and dangling references ----------------------------------------------------
    Broken("duplicate-id", "two glossary terms with one id",
           Replace(GLOSSARY, "  - id: polc", "  - id: management"),
           "docs/data/glossary.yml:{line}:9: field 'terms[3].id': 'management' is already used at line 4; "
           "expected a unique id"),
    Broken("dangling-source", "a glossary term cites a source that does not exist",
           Replace(GLOSSARY, "source: fayol1916", "source: fayol1917"),
           "docs/data/glossary.yml:{line}:13: field 'terms[0].source': unknown source 'fayol1917'"),
    Broken("dangling-dimension", "a glossary term relates to a dimension that does not exist",
           Replace(GLOSSARY, "dimensions: [focus, impact]", "dimensions: [focus, impacts]"),
           "docs/data/glossary.yml:{line}:25: field 'terms[0].dimensions[1]': unknown dimension 'impacts'"),
    Broken("dangling-claim", "a dimension teaches a claim that does not exist",
           Replace(COMPARISON, "claims: [D2, M3, L2]", "claims: [D2, M3, L99]"),
           "docs/data/comparison.yml:{line}:22: field 'dimensions[0].claims[2]': unknown claim 'L99'"),
    Broken("dangling-group", "a dimension in a group that does not exist",
           Replace(COMPARISON, "group: essay", "group: essays"),
           "docs/data/comparison.yml:{line}:12: field 'dimensions[0].group': unknown group 'essays'; "
           "expected one of: both, deeper, essay, kotter"),
    Broken("dangling-page", "a module names a page that does not exist",
           Replace(COURSE, "page: management/index.md", "page: managment/index.md"),
           "docs/data/course.yml:{line}:11: field 'modules[0].page': no page 'managment/index.md' in docs/"),
    Broken("quiz-answer-out-of-range", "a quiz answer that points past the last option",
           Replace(QUIZ, "    answer: 0\n", "    answer: 7\n"),
           "docs/data/quiz.yml:{line}:13: field 'items[0].answer': expected the number of an option, from 0 to 3"),
    Broken("quiz-unknown-module", "a quiz item for a module that does not exist",
           Replace(QUIZ, "    module: management\n", "    module: managment\n"),
           "docs/data/quiz.yml:{line}:13: field 'items[0].module': unknown module 'managment'; "
           "expected one of: conclusion, differences, leadership, management"),
    Broken("quiz-unknown-objective", "a quiz item names an objective that does not exist",
           Replace(QUIZ, "    objective: management-classify-work\n", "    objective: management-clasify-work\n"),
           "docs/data/quiz.yml:{line}:16: field 'items[0].objective': unknown objective 'management-clasify-work'"),
    Broken("quiz-unknown-level", "a quiz item at a level the course does not use",
           Replace(QUIZ, "    level: remember\n", "    level: create\n"),
           "docs/data/quiz.yml:{line}:12: field 'items[0].level': expected one of 'remember', 'understand', "
           "'apply', 'analyse' or 'evaluate'"),
    Broken("objective-unknown-level", "an objective at a level the course does not use",
           Replace(COURSE, "        level: understand\n", "        level: understanding\n"),
           "docs/data/course.yml:{line}:16: field 'modules[0].objectives[0].level': expected one of 'remember', "
           "'understand', 'apply', 'analyse' or 'evaluate'"),
    Broken("objective-untested", "an objective that fewer than two items test",
           Replace(COURSE, "      - id: management-purpose\n",
                   "      - id: management-untested\n        text: Name a thing.\n        level: remember\n"
                   "      - id: management-purpose\n"),
           "docs/data/course.yml:{line}:13: field 'modules[0].objectives[0].id': objective "
           "'management-untested' is tested by 0 item(s) in quiz.yml; expected at least 2"),
    Broken("rubric-prompt-out-of-range", "a reflection rubric answers a reflection question that does not exist",
           Replace(PRACTICE, "  - module: management\n    prompt: 0\n", "  - module: management\n    prompt: 5\n"),
           "docs/data/practice.yml:{line}:13: field 'reflection_rubrics[0].prompt': module 'management' has 2 "
           "reflection question(s) in activities.yml; expected a number from 0 to 1", at="prompt: 5"),
    Broken("rubric-three-levels", "a rubric criterion with three levels instead of four",
           Replace(PRACTICE, "rubric_levels: [Beginning, Developing, Secure, Excellent]",
                   "rubric_levels: [Beginning, Secure, Excellent]"),
           "docs/data/practice.yml:{line}:16: field 'rubric_levels': expected at least 4 item(s)"),
    # --- Pages ---------------------------------------------------------------------------------
    Broken("page-unknown-claim", "a page declares a claim that does not exist",
           Replace(DIFFERENCES_PAGE, "claims: [D1,", "claims: [D99,"),
           "docs/differences/index.md:{line}:1: field 'claims': unknown claim 'D99'"),
    Broken("page-unknown-module", "a page names a module that does not exist",
           Replace(DIFFERENCES_PAGE, "module: differences", "module: difference"),
           "docs/differences/index.md:{line}:1: field 'module': unknown module 'difference'"),
    Broken("front-matter-invalid-yaml", "front matter that is not YAML",
           Replace(DIFFERENCES_PAGE, "module: differences", "module: [differences"),
           "docs/differences/index.md:{line}:7: front matter is not valid YAML: expected ',' or ']', but got ':'",
           at="claims:"),
    Broken("front-matter-unclosed", "front matter without its closing line",
           Replace(GLOSSARY_PAGE, "claims: []\n---\n", "claims: []\n"),
           "docs/glossary.md:1:1: front matter opened with '---' is never closed"),
    Broken("broken-link", "a link to a page that does not exist",
           Append(GLOSSARY_PAGE, "See [the overview](overview.md)."),
           "docs/glossary.md:{line}:20: Doc file 'glossary.md' contains a link 'overview.md', "
           "but the target is not found"),
    Broken("broken-anchor", "a link to a heading that does not exist",
           Append(GLOSSARY_PAGE, "See [the comparison](differences/index.md#no-such-heading)."),
           "docs/glossary.md:{line}:22: Doc file 'glossary.md' contains a link "
           "'differences/index.md#no-such-heading', but the doc "
           "'differences/index.md' does not contain an anchor '#no-such-heading'"),
    Broken("unknown-macro", "a macro that does not exist",
           Append(GLOSSARY_PAGE, '{{ definition("management") }}'),
           "docs/glossary.md:{line}: 'definition' is undefined; expected a macro, one of:"),
    Broken("macro-missing-argument", "a macro called without its argument",
           Append(GLOSSARY_PAGE, "{{ dimension_card() }}"),
           "docs/glossary.md:{line}: macro 'dimension_card': missing a required argument: 'dimension_id'; "
           "expected dimension_card(dimension_id: str)"),
    Broken("macro-extra-argument", "a macro called with an argument it does not take",
           Append(GLOSSARY_PAGE, '{{ glossary("all") }}'),
           "docs/glossary.md:{line}: macro 'glossary': too many positional arguments; expected glossary()"),
    Broken("macro-without-source", "a citation that names no source",
           Append(GLOSSARY_PAGE, "As Kotter says {{ cite() }}."),
           "docs/glossary.md:{line}: macro 'cite': missing a required argument: 'source_id'; "
           "expected cite(source_id: str, *more_source_ids: str)"),
    Broken("macro-unknown-source", "a citation of a source that does not exist",
           Append(GLOSSARY_PAGE, 'As Kotter says {{ cite("kotter1991") }}.'),
           "docs/glossary.md:{line}: macro 'cite': unknown source 'kotter1991'; expected one of:"),
    Broken("macro-unknown-dimension", "a card for a dimension that does not exist",
           Append(GLOSSARY_PAGE, '{{ dimension_card("focuss") }}'),
           "docs/glossary.md:{line}: macro 'dimension_card': unknown dimension 'focuss'; expected one of:"),
    Broken("macro-syntax-error", "a macro call that is never closed",
           Append(GLOSSARY_PAGE, '{{ cite("kotter1990hbr" }}'),
           "docs/glossary.md:{line}: macro syntax error: unexpected '}}', expected ')'"),
    Broken("literal-jinja-block", "a literal {% in the text of a page",
           Append(GLOSSARY_PAGE, "Write {% if %} to branch."),
           "docs/glossary.md:{line}: macro syntax error: Expected an expression, got 'end of statement block'"),
]

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LONG = "A very long definition that goes on. " * 150

HOSTILE = [
    Hostile("html-and-script", "HTML and a script in a definition",
            Replace(GLOSSARY, "definition: The work of", f"definition: >-\n      {SCRIPT} The work of"),
            "glossary.md", SCRIPT),
    Hostile("jinja-expression", "a Jinja expression in a table cell",
            Replace(COMPARISON, "management: Keeping current", "management: >-\n      {{ 7*7 }} Keeping current"),
            "differences/index.md", "{{ 7*7 }} Keeping current"),
    Hostile("jinja-statement", "a Jinja statement in a table cell",
            Replace(COMPARISON, "leadership: Moving the", "leadership: >-\n      {% if x %} Moving the"),
            "differences/index.md", "{% if x %} Moving the"),
    Hostile("markdown-and-pipes", "table syntax and Markdown in a table cell",
            Replace(COMPARISON, "management: How and when",
                    "management: >-\n      a | b **bold** [link](x.md) `code` _em_ How and when"),
            "differences/index.md", "a | b **bold** [link](x.md) `code` _em_ How and when"),
    Hostile("very-long-value", "a definition of more than 5,000 characters",
            Replace(GLOSSARY, "definition: The work of", f"definition: >-\n      {LONG}The work of"),
            "glossary.md", LONG + "The work of"),
    Hostile("utf8-bom", "a UTF-8 byte order mark at the start of a data file, as some editors save",
            Replace(GLOSSARY, b"# yaml-language-server", b"\xef\xbb\xbf# yaml-language-server"),
            "glossary.md", "Management"),
]
