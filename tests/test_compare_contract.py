"""The zi-workbook/changes/1 contract: its JSON Schema and a golden file of May -> June."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from golden_check import assert_golden
from monthly import MAY, NEW_AS_OF, OLD_AS_OF, june, write

from zi_workbook import validate
from zi_workbook.compare import compare_reports

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "zi_workbook" / "schemas" / "changes-1.schema.json").read_text("utf-8"))
GOLDEN = Path(__file__).parent / "golden" / "changes-may-june.json"
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "null": type(None),
    "boolean": bool,
}


def _errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """The few draft 2020-12 keywords our schemas use, enough to hold the contract."""
    if "$ref" in schema:
        return _errors(value, SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]], where)
    if "anyOf" in schema:
        if all(_errors(value, s, where) for s in schema["anyOf"]):
            return [f"{where}: matches none of anyOf"]
        return []
    out = []
    if "const" in schema and value != schema["const"]:
        out.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(
            isinstance(value, _TYPES[t]) and not (t == "integer" and isinstance(value, bool))
            for t in types
        ):
            return [*out, f"{where}: {value!r} is not {types}"]
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
        out.append(f"{where}: {value} < {schema['minimum']}")
    if isinstance(value, dict):
        out += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                out += _errors(item, props[key], f"{where}.{key}")
            elif extra is False:
                out.append(f"{where}: unexpected {key}")
            elif isinstance(extra, dict):
                out += _errors(item, extra, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += _errors(item, schema["items"], f"{where}[{i}]")
    return out


def _may_june(tmp_path: Path) -> dict[str, Any]:
    old = validate(write(tmp_path, MAY, "mei.xlsx", engine="xlsxwriter"), as_of=OLD_AS_OF)
    new = validate(write(tmp_path, june(), "juni.xlsx", engine="xlsxwriter"), as_of=NEW_AS_OF)
    data = compare_reports(old, new).to_dict()
    for side in ("old", "new"):  # the folder and the file's bytes vary from run to run
        data[side]["file"] = Path(data[side]["file"]).name
        data[side]["sha256"] = "-"
    return data


def test_changes_json_holds_to_its_schema(tmp_path: Path) -> None:
    data = _may_june(tmp_path)
    assert _errors(data, SCHEMA) == []
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    broken = {**data, "changes": [{**data["changes"][0], "kind": "moved"}]}
    assert _errors(broken, SCHEMA) == ["$.changes[0].kind: 'moved' not in enum"]


def test_changes_json_golden(tmp_path: Path) -> None:
    text = json.dumps(_may_june(tmp_path), ensure_ascii=False, indent=2) + "\n"
    assert_golden(text, GOLDEN.name)
