"""Contracts that cannot drift: every JSON Schema under zi_workbook/schemas/ is a valid
draft 2020-12 schema and real outputs hold to it (checked with ``jsonschema``); the
sample's report is a golden file; a renamed or dropped key or a changed deadline fails."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cli_runner import invoke
from golden_check import assert_golden
from schema_check import SCHEMAS, load_schema, schema_errors

from zi_workbook.cli import main

ROOT = Path(__file__).parent.parent
SAMPLE = "samples/01_kpu_kab_batang_2022.xlsx"  # relative: the JSON's "file" is as given


def schema(name: str) -> dict[str, Any]:
    return load_schema(name)


def errors(data: Any, name: str) -> list[str]:
    return schema_errors(data, schema(name))


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch) -> str:
    """The sample's ``validate --format json`` as of 31 May 2022, as printed."""
    monkeypatch.chdir(ROOT)
    result = invoke(main, "validate", SAMPLE, "--as-of", "2022-05-31", "--format", "json")
    assert result.exit_code == 1, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.schema.json")))
def test_every_schema_is_draft_2020_12_and_named_after_its_contract(name: str) -> None:
    data = schema(name)
    jsonschema.Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    contract, version = name.removesuffix(".schema.json").rsplit("-", 1)
    assert data["title"] == f"zi-workbook/{contract}/{version}"
    assert data["properties"]["schema"] == {"const": data["title"]} or contract == "changes"


def test_the_report_holds_to_its_schema(report: str) -> None:
    assert errors(json.loads(report), "report-1.schema.json") == []


def test_the_report_with_previous_and_link_checks_holds_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    old = tmp_path / "april.json"
    args = ("validate", SAMPLE, "--format", "json")
    old.write_text(invoke(main, *args, "--as-of", "2022-04-30").stdout, encoding="utf-8")
    data = json.loads(invoke(main, *args, "--as-of", "2022-05-31", "--previous", old).stdout)
    assert "changes" in data and errors(data, "report-1.schema.json") == []
    assert errors(data["changes"], "changes-1.schema.json") == []
    row = data["rows"][0]
    row["link_checks"] = [
        {"ok": False, "status": 404, "final_url": row["links"][0], "problem": "http-error",
         "reason": "tidak ditemukan (404)"}
    ]  # fmt: skip
    assert errors(data, "report-1.schema.json") == []


def test_the_summary_holds_to_its_schema_with_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(main, "summary", SAMPLE, "--as-of", "2022-06-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    name = next(p.name for p in SCHEMAS.glob("summary-*.schema.json"))
    assert data["schema"] == schema(name)["title"]
    assert errors(data, name) == []


def test_sample_report_golden(report: str) -> None:
    assert_golden(report, "sample_report.json")


def test_a_changed_contract_fails(report: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutations a careless change could make: each one is caught."""
    monkeypatch.delenv("ZI_REGEN_GOLDEN", raising=False)  # never write the mutant
    data = json.loads(report)
    renamed = copy.deepcopy(data)
    renamed["rows"][0]["target"]["batas"] = renamed["rows"][0]["target"].pop("deadline")
    assert errors(renamed, "report-1.schema.json") == [
        "$.rows[0].target: additionalProperties",
        "$.rows[0].target: required",
    ]
    dropped = copy.deepcopy(data)
    del dropped["rows"][3]["link_kinds"]
    assert errors(dropped, "report-1.schema.json") == ["$.rows[3]: required"]
    top = copy.deepcopy(data)
    top["total"] = top.pop("counts")
    assert errors(top, "report-1.schema.json") == ["$: additionalProperties", "$: required"]
    moved = copy.deepcopy(data)
    row = next(r for r in moved["rows"] if r["target"]["deadline"] != r["target"]["due"])
    row["target"]["deadline"] = row["target"]["due"]  # what "deadline" meant before
    assert errors(moved, "report-1.schema.json") == []  # still well formed...
    text = json.dumps(moved, ensure_ascii=False, indent=2) + "\n"
    with pytest.raises(AssertionError, match=r"sample_report\.json differs"):
        assert_golden(text, "sample_report.json")  # ...but the golden file sees it
