"""The JSON Schemas that editors use say exactly what the build checks."""

import json
import re

import jsonschema
import pytest
import yaml

from macros.schema import MODELS, SCHEMA_DIR, schema_text
from tests.conftest import ROOT

DATA_DIR = ROOT / "docs" / "data"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=schema/([a-z_]+)\.schema\.json$")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_schema_is_generated_from_the_model(name):
    committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), (
        f"docs/data/schema/{name}.schema.json is stale: run `.venv/bin/python -m macros.schema` and commit it")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_data_file_is_valid_against_its_schema(name):
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((DATA_DIR / f"{name}.yml").read_text(encoding="utf-8-sig"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("name", sorted(path.stem for path in DATA_DIR.glob("*.yml")))
def test_data_file_names_its_schema_on_the_first_line(name):
    first_line = (DATA_DIR / f"{name}.yml").read_text(encoding="utf-8-sig").splitlines()[0]
    match = SCHEMA_LINE.match(first_line)
    assert match and match.group(1) == name, f"docs/data/{name}.yml should start with the line " \
        f"'# yaml-language-server: $schema=schema/{name}.schema.json'"


def test_schema_rejects_what_the_build_rejects():
    """One mistake of each kind the build reports is flagged by the schema too."""
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / "glossary.schema.json").read_text()))
    good = {"id": "x", "term": "X", "definition": "An x.", "source": "kotter1990hbr"}
    assert validator.is_valid({"terms": [good]})
    for broken in ({**good, "colour": "red"}, {k: v for k, v in good.items() if k != "term"},
                   {**good, "id": "Not An Id"}, {**good, "definition": ""}, {**good, "dimensions": "x"}):
        assert not validator.is_valid({"terms": [broken]}), broken
