"""The comparison data as downloads: JSON (the whole file) and CSV (one row per dimension).

Both are read from the YAML text itself, not from the typed model, so that they hold exactly
what contributors wrote: no field dropped, renamed or reformatted.
"""

import csv
import io
import json

import yaml

from ..load import FAST_LOADER

CSV_COLUMNS = ("id", "name", "group", "management", "leadership", "note", "evidence.label", "evidence.basis",
               "overlap", "claims", "sources")
LIST_SEPARATOR = "; "


def _field(record: dict, column: str):
    """A column's value; a dotted column ('evidence.label') reads a field of a nested mapping."""
    value = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def comparison_json(yaml_text: str) -> str:
    return json.dumps(yaml.load(yaml_text, Loader=FAST_LOADER), ensure_ascii=False, indent=2) + "\n"


def comparison_csv(yaml_text: str) -> str:
    """The dimensions, one per row; nested fields as dotted columns, lists joined with '; ', missing fields empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for dimension in yaml.load(yaml_text, Loader=FAST_LOADER)["dimensions"]:
        writer.writerow([
            LIST_SEPARATOR.join(value) if isinstance(value, list) else ("" if value is None else value)
            for value in (_field(dimension, column) for column in CSV_COLUMNS)
        ])
    return out.getvalue()
