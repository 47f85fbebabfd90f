"""The worksheet file itself, ``lke_2026.json``, for what ``validate`` never reads.

``data.load`` builds the LKE from the tables file's ``core``. This module, imported on
use, reads the worksheet file for the rest: each question's answer type, criteria, usual
evidence and inputs (``detail``: the LKE reference and the template's LKE sheet), the
sources and notes (``raw``), and ``core``: the tables file's core from the worksheet
file's content, as ``samples/build_lke_data.py`` writes it (and ``data.load`` builds the
LKE from it when the tables file is missing).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from .data import DATA_FILE, PARTS, Record

__all__ = ["Detail", "core", "detail", "quote", "raw"]


class Detail(Record):
    """What the worksheet says of one question beyond its text: the answer type, the
    criteria, its row in the official sheet, the usual evidence and the inputs."""

    __slots__ = ("answer_type", "criteria", "evidence", "inputs", "sheet_row")
    answer_type: str
    criteria: str
    sheet_row: int | None
    evidence: tuple[str, ...]
    inputs: tuple[str, ...]

    def __init__(
        self,
        answer_type: str,
        criteria: str,
        sheet_row: int | None,
        evidence: tuple[str, ...],
        inputs: tuple[str, ...],
    ) -> None:
        self.answer_type = answer_type
        self.criteria = criteria
        self.sheet_row = sheet_row
        self.evidence = evidence
        self.inputs = inputs


@cache
def raw() -> dict[str, Any]:
    """The worksheet file as read (sources, notes, criteria, evidence), once a process."""
    path = os.path.join(os.path.dirname(__file__), DATA_FILE)
    with open(path, encoding="utf-8") as file:  # not importlib.resources: importing it
        data: dict[str, Any] = json.load(file)  # costs ~2 ms
    return data


@cache
def _details() -> dict[str, Detail]:
    return {
        q["code"]: Detail(
            str(q["answer_type"]),
            str(q.get("criteria", "")),
            None if q.get("sheet_row") is None else int(q["sheet_row"]),
            tuple(q.get("evidence", ())),
            tuple(q.get("inputs", ())),
        )
        for q in raw()["questions"]
    }


def detail(code: str) -> Detail:
    """The details of the question ``code`` (KeyError for a code the LKE has not)."""
    return _details()[code]


def quote(text: str, limit: int = 90) -> str:
    """A question's text as findings quote it: on one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def core(data: dict[str, Any]) -> dict[str, Any]:
    """The tables file's ``core`` from the worksheet file's content ``data``: each
    record's fields in the order its class takes them (``data.parse``; a test checks the
    shipped file against it)."""
    by_sub: dict[str, list[str]] = {}
    for q in data["questions"]:
        by_sub.setdefault(q["sub_area"], []).append(q["code"])
    areas = []
    sub_areas = []
    parts: dict[str, tuple[str, str]] = {}
    for a in data["areas"]:
        numeral = a["area"]
        subs = a["sub_areas"]
        for s in subs:
            code, part = s["code"], s["part"]
            codes = tuple(by_sub.get(code, ()))
            sub_areas.append((code, numeral, part, s["name"], float(s["weight"]), codes))
            parts[code] = (numeral, part)
        ordered = tuple(s["code"] for s in sorted(subs, key=lambda s: PARTS.index(s["part"])))
        weights = (float(a["weight"]), float(a["weight_pemenuhan"]), float(a["weight_reform"]))
        areas.append((numeral, a["name"], *weights, ordered))
    questions = []
    for q in data["questions"]:
        text = q["text"]
        area, part = parts.get(q["sub_area"], ("", "hasil"))
        questions.append((q["code"], q["sub_area"], area, part, text, quote(text)))
    totals = data["totals"]
    return {
        "title": data["title"],
        "regulation": data["regulation"]["base"],
        "totals": (float(totals["pengungkit"]), float(totals["hasil"])),
        "thresholds": [
            (level, float(t["total_min"]), float(t["pengungkit_min"]), float(t["area_min_pct"]))
            for level, t in data["thresholds"].items()
        ],
        "areas": areas,
        "sub_areas": sub_areas,
        "questions": questions,
    }
