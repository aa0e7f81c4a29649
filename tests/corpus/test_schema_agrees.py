"""An editor flags the same mistakes as the build: the corpus cases that break a data file's
shape (rather than a cross-reference, which a schema cannot see) fail its JSON Schema too."""

import json
import shutil

import jsonschema
import pytest
import yaml

from macros.schema import SCHEMA_DIR
from tests.corpus.cases import BROKEN
from tests.project import ROOT

# Left out: whitespace-only text (JSON Schema cannot strip it before counting), and
# duplicate keys (YAML loaders keep the last one, so a schema never sees the first).
SHAPE_MISTAKES = {
    "wrong-type-list", "wrong-type-text", "wrong-choice", "bad-id", "bad-url", "bad-claim-id",
    "missing-field", "unknown-field", "misspelt-field", "empty-text", "null-value", "empty-list",
    "list-at-top-level",
}
CASES = [case for case in BROKEN if case.name in SHAPE_MISTAKES]


def test_every_listed_case_is_in_the_corpus():
    assert {case.name for case in CASES} == SHAPE_MISTAKES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_schema_rejects_what_the_build_rejects(case, tmp_path):
    copy = tmp_path / case.edit.file
    copy.parent.mkdir(parents=True)
    shutil.copy(ROOT / case.edit.file, copy)
    case.edit.apply(tmp_path)
    schema = json.loads((SCHEMA_DIR / f"{copy.stem}.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(copy.read_text(encoding="utf-8-sig"))
    assert not jsonschema.Draft202012Validator(schema).is_valid(data), case.description
