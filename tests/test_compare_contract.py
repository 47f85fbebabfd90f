"""The zi-workbook/changes/1 contract: its JSON Schema and a golden file of May -> June."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from golden_check import assert_golden
from monthly import MAY, NEW_AS_OF, OLD_AS_OF, june, write
from schema_check import load_schema, schema_errors

from zi_workbook import validate
from zi_workbook.compare import compare_reports

ROOT = Path(__file__).parent.parent
SCHEMA = load_schema("changes-1.schema.json")
GOLDEN = Path(__file__).parent / "golden" / "changes-may-june.json"


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
    assert schema_errors(data, SCHEMA) == []
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    broken = {**data, "changes": [{**data["changes"][0], "kind": "moved"}]}
    assert schema_errors(broken, SCHEMA) == ["$.changes[0].kind: enum"]


def test_changes_json_golden(tmp_path: Path) -> None:
    text = json.dumps(_may_june(tmp_path), ensure_ascii=False, indent=2) + "\n"
    assert_golden(text, GOLDEN.name)
