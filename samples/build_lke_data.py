"""Build the package's LKE data file from the research notes on the evaluation worksheet.

The input is ``lke_structure.json`` (schema ``zi-research/lke-structure/1``): the LKE of
PermenPANRB 90/2021 Lampiran III as the 2026 evaluation uses it, with every figure naming
its source. The output, ``zi_workbook/lke/lke_2026.json``, keeps what the package uses
(codes, texts, weights, answer types, criteria, thresholds, the usual evidence) and the
sources, and drops the research bookkeeping (PortalRB ids, per-question provenance).

Run by hand when the reference changes; the package never reads the input at run time:

    python samples/build_lke_data.py PATH/TO/lke_structure.json

It also writes ``zi_workbook/lke/lke_2026_tables.marshal``, generated from that one, which
a process reads instead (``index.content``): its ``core`` (``worksheet.core``: each
record's fields as ``data.parse`` takes them, what mapping and coverage need) and its
``index`` (``index.build``: the matcher's tables and the terms of the worksheet's words),
in ``marshal``'s format (as Python keeps bytecode; ~2x faster to read than JSON). After a
change to ``data.py``, ``worksheet.py``, ``words.py``, ``match.py`` or ``index.py`` alone,
regenerate it from the package's own data file (a test says when it is stale):

    python samples/build_lke_data.py --index
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "zi_workbook" / "lke" / "lke_2026.json"
TABLES = OUTPUT.with_name("lke_2026_tables.marshal")
SCHEMA = "zi-workbook/lke-data/1"


def _question(q: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": q["code"],
        "sub_area": q["sub_area"],
        "text": q["text"].strip(),
        "answer_type": q["answer_type"],
        "criteria": (q.get("criteria") or "").strip(),
        "sheet_row": q.get("official_sheet_row") or q.get("lampiran_iii_row"),
        "evidence": [" ".join(e.split()) for e in q.get("evidence_bps_2023") or ()],
    }
    if q.get("inputs"):
        out["inputs"] = [i["text"] for i in q["inputs"]]
    if q.get("weight") is not None:
        out["weight"] = q["weight"]
    return out


def build(src: dict[str, Any]) -> dict[str, Any]:
    thresholds = src["thresholds"]
    areas = [
        {
            "area": a["area"],
            "name": a["name"],
            "weight": a["weight_total"],
            "weight_pemenuhan": a["weight_pemenuhan"],
            "weight_reform": a["weight_reform"],
            "sub_areas": [
                {"code": s["code"], "part": s["part"], "name": s["name"], "weight": s["weight"]}
                for s in a["sub_areas"]
            ],
        }
        for a in src["areas"]
    ]
    return {
        "schema": SCHEMA,
        "title": "Lembar Kerja Evaluasi (LKE) Zona Integritas menuju WBK/WBBM, evaluasi 2026",
        "regulation": src["regulation"],
        "sources": src["sources"],
        "notes": {
            "questions": "Texts, answer types and criteria: S1 (2026 master soal); weights: S1, "
            "same in S2 and S6. Evidence lists: S6 (BPS 2023 guidance, not the regulation).",
            "built_from": "zi-research/lke-structure/1 by samples/build_lke_data.py",
        },
        "totals": src["totals"],
        "scoring": src["scoring"],
        "thresholds": {
            level: {
                "total_min": t["total_min"],
                "pengungkit_min": t["pengungkit_min"],
                "area_min_pct": t["per_area_min_pct_of_weight"],
                "source": t["source"],
                **({"conflict": t["conflict"]} if "conflict" in t else {}),
            }
            for level, t in ((k, thresholds[k]) for k in ("WBK", "WBBM"))
        },
        "hasil": src["hasil"],
        "areas": areas,
        "questions": [_question(q) for q in src["questions"]],
    }


def write_derived() -> None:
    """The tables file, from the package's data file as it is now."""
    import marshal

    sys.path.insert(0, str(ROOT))
    from zi_workbook.lke import data, index

    tables = index.content(json.loads(OUTPUT.read_text(encoding="utf-8")))
    TABLES.write_bytes(marshal.dumps(tables, 4))
    data.load.cache_clear()
    data.tables.cache_clear()
    print(
        f"{TABLES}: {len(tables['core']['questions'])} questions, "
        f"{len(tables['index']['words'])} words"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    if argv[1] != "--index":
        src = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        data = build(src)
        OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{OUTPUT}: {len(data['questions'])} questions")
    write_derived()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
