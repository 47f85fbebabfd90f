"""The zi-workbook/summary/2 contract: its JSON Schema and a golden file of a folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from golden_check import assert_golden
from schema_check import load_schema, schema_errors

from zi_workbook.cli.summary import summary as summary_command

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
SCHEMA = load_schema("summary-2.schema.json")
GOLDEN = Path(__file__).parent / "golden" / "summary-sample.json"


def _folder(tmp_path: Path) -> Path:
    """The sample, last month's copy in arsip/, a PDF and a lock file."""
    folder = tmp_path / "kiriman"
    (folder / "arsip").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    old = shutil.copy(SAMPLE, folder / "arsip" / SAMPLE.name)
    os.utime(old, (1_650_000_000, 1_650_000_000))
    (folder / "surat pengantar.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / f"~${SAMPLE.name}").write_bytes(b"lock")
    return folder


def _json(*args: object) -> dict[str, Any]:
    result = invoke(summary_command, *args, "--as-of", "2022-06-30", "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _errors(data: Any) -> list[str]:
    return schema_errors(data, SCHEMA)


def test_summary_json_holds_to_its_schema(tmp_path: Path) -> None:
    data = _json(_folder(tmp_path))
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert _errors(data) == []
    renamed = {**data, "files": [{**data["files"][0], "status": "ok"}]}
    assert _errors(renamed) == ["$.files[0].status: enum"]
    dropped = {**data, "offices": [{k: v for k, v in data["offices"][0].items() if k != "rates"}]}
    assert _errors(dropped) == ["$.offices[0]: required"]
    wrong = {**data, "totals": {**data["totals"], "rates": {"due_complete": 79, "all_complete": 0}}}
    assert _errors(wrong) == ["$.totals.rates.due_complete: anyOf"]


@pytest.mark.parametrize("flag", ["--all-versions", "--previous"])
def test_every_form_of_the_json_holds_to_its_schema(tmp_path: Path, flag: str) -> None:
    folder = _folder(tmp_path)
    args = (flag, folder / "arsip") if flag == "--previous" else (flag,)
    assert _errors(_json(folder, *args)) == []


def test_summary_json_golden(tmp_path: Path) -> None:
    text = json.dumps(_json(_folder(tmp_path)), ensure_ascii=False, indent=2) + "\n"
    assert_golden(text, GOLDEN.name)
