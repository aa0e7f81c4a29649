"""JSON Schemas of the data files, generated from the pydantic models in macros/model.py.

Editors that read the `# yaml-language-server: $schema=...` first line of each data file
(VS Code with the YAML extension, JetBrains, Neovim) flag mistakes while you type. The
schemas are generated, never edited by hand, so they always say what the build checks:

    .venv/bin/python -m macros.schema

writes docs/data/schema/<name>.schema.json; a test fails when a committed one is stale.
"""

import json
from pathlib import Path

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from .model import ActivitiesFile, ClaimsFile, Comparison, CourseFile, GlossaryFile, PracticeFile, QuizFile

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "data" / "schema"

# Data file name (without .yml) -> the model that validates it.
MODELS = {
    "activities": ActivitiesFile,
    "claims": ClaimsFile,
    "comparison": Comparison,
    "course": CourseFile,
    "glossary": GlossaryFile,
    "practice": PracticeFile,
    "quiz": QuizFile,
}


class StrictKeys(GenerateJsonSchema):
    """Pydantic refuses a mapping key that does not match its pattern (claims.yml's ids), but the
    schema it generates lists only `patternProperties`, which lets other keys through. Say so."""

    def dict_schema(self, schema):
        generated = super().dict_schema(schema)
        if "patternProperties" in generated:
            generated["additionalProperties"] = False
        return generated


def schema_for(name: str) -> dict:
    schema = TypeAdapter(MODELS[name]).json_schema(schema_generator=StrictKeys)
    schema.setdefault("title", f"docs/data/{name}.yml")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(name: str) -> str:
    """The file as committed: stable key order and a final newline, so diffs stay small."""
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"


def write_all(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in MODELS:
        path = schema_dir / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)

