"""Where a value breaks one of our JSON Schemas, checked with ``jsonschema`` (draft
2020-12): one sorted line per error, ``<JSON path>: <keyword>``, e.g.
``$.files[0].status: enum``. Every contract test uses this one helper."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

__all__ = ["SCHEMAS", "load_schema", "schema_errors"]

SCHEMAS = Path(__file__).parent.parent / "zi_workbook" / "schemas"


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``zi_workbook/schemas/<name>``."""
    data: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return data


def schema_errors(value: Any, schema: dict[str, Any]) -> list[str]:
    """Every place where ``value`` breaks ``schema``, as ``<path>: <keyword>``, sorted."""
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(f"{e.json_path}: {e.validator}" for e in validator.iter_errors(value))
