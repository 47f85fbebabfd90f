"""T-compare: ``compare OLD NEW`` of two 10,000-row versions against validating one of them.

    python bench/bench_compare.py                 # 10,000 rows, 5 runs each
    python bench/bench_compare.py --rows 2000     # quicker

Both versions are written from the rows of the generated big plan (bench/make_plans.py)
by one plain writer; the new one has 1 % of rows deleted, 1 % inserted, 1 % reworded,
2 % with another TARGET WAKTU and 2 % with evidence filled in, so every row below an
edit moves. The floor, measured in the same run and interleaved, is
``validate NEW --format json``; ours is ``compare OLD NEW --format json`` (which also
validates NEW, for its exit code). Target: ours <= 1.5x the floor.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from _common import OUT, Row, banner, interleaved, table, zi_workbook_cmd

AS_OF = "2022-06-30"
OK = (0, 1)


def _write(path: Path, rows: list[tuple[str, ...]]) -> None:
    import xlsxwriter

    from zi_workbook.writers.template import HEADERS

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    ws = wb.add_worksheet("Lampiran II")
    ws.write_string(0, 0, "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS")
    ws.write_string(1, 0, "KPU KABUPATEN BATANG")
    for col, name in enumerate(HEADERS):
        ws.write_string(3, col, name)
    r, area = 4, None
    names = {
        "I": "MANAJEMEN PERUBAHAN",
        "II": "PENATAAN TATALAKSANA",
        "III": "PENATAAN SDM",
        "IV": "PENGUATAN AKUNTABILITAS",
        "V": "PENGUATAN PENGAWASAN",
        "VI": "PENINGKATAN KUALITAS PELAYANAN PUBLIK",
    }
    for n, (row_area, *cells) in enumerate(rows, start=1):
        if row_area != area:
            area = row_area
            ws.write_string(r, 0, area)
            ws.write_string(r, 1, names.get(area, area))
            r += 1
        ws.write_string(r, 0, str(n))
        for col, value in enumerate(cells, start=1):
            if value:
                ws.write_string(r, col, value)
        r += 1
    wb.close()


def make_versions(rows: int) -> tuple[Path, Path]:
    from make_plans import ensure_big_plan

    from zi_workbook import read_plan

    old_path = OUT / f"compare_{rows}_old.xlsx"
    new_path = OUT / f"compare_{rows}_new.xlsx"
    if old_path.exists() and new_path.exists():
        return old_path, new_path
    plan = read_plan(ensure_big_plan(rows))
    base = [
        (
            r.area or "I",
            r.component,
            r.indicator,
            r.action,
            r.evidence,
            "\n".join(r.links) or r.link_text,
            r.target.text,
        )
        for r in plan.rows
    ]
    rng = random.Random(15)
    new: list[tuple[str, ...]] = []
    for i, row in enumerate(base):
        pick = rng.random()
        if pick < 0.01:
            continue  # deleted
        if pick < 0.02:
            new.append((*row[:3], row[3] + f" tahap {i}", *row[4:]))  # inserted beside
        elif pick < 0.03:
            row = (*row[:3], row[3].replace("a", "aa", 1), *row[4:])  # a typo
        elif pick < 0.05:
            row = (*row[:6], "Desember 2022")
        elif pick < 0.07:
            row = (*row[:4], row[4] or "Laporan", *row[5:])
        new.append(row)
    _write(old_path, base)
    _write(new_path, new)
    return old_path, new_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    banner("bench_compare")
    old, new = make_versions(args.rows)
    zi = zi_workbook_cmd()
    ours = [*zi, "compare", str(old), str(new), "--as-of", AS_OF, "--format", "json"]
    floor = [*zi, "validate", str(new), "--as-of", AS_OF, "--format", "json"]
    runs = interleaved({"ours": (ours, OK), "floor": (floor, OK)}, args.repeats)
    print(f"   ours {runs['ours'].spread}, floor {runs['floor'].spread}")
    rows = [
        Row(
            f"compare two {args.rows:,}-row versions vs validate one (time)",
            runs["ours"].seconds,
            runs["floor"].seconds,
            1.5,
        ),
        Row("... peak RSS", runs["ours"].rss_mib, runs["floor"].rss_mib, None, unit="MiB"),
    ]
    print(table(rows))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
