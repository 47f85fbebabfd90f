"""T1-T3: ``zi-workbook validate`` against floors measured in the same run.

    python bench/bench_validate.py                  # T1, T2 (sample) and T3 (100,000 rows)
    python bench/bench_validate.py --rows 20000     # a smaller T3 plan (quicker)
    python bench/bench_validate.py --skip-big       # T1 and T2 only (a few seconds)

T1  ``validate SAMPLE --as-of 2022-05-31 --out status.xlsx``, a cold process, against a
    script that imports click, reads the same file with python-calamine and its sheet XML
    and writes with xlsxwriter as many plain text cells as our status workbook holds
    (counted with openpyxl once, outside the timing). Target <= 1.5x.
T2  ``validate SAMPLE --as-of 2022-05-31 --format json`` against: import click, read the
    same file with python-calamine and its sheet XML. Target <= 1.5x.
T3  T1 on the generated 100,000-row plan (bench/make_plans.py), the floor writing with
    constant_memory; time and peak RSS. Target <= 2x each.

Figures are medians of whole-process runs, ours and the floor interleaved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _common import (
    OUT,
    PYTHON,
    SAMPLE,
    Row,
    banner,
    interleaved,
    run_child,
    table,
    zi_workbook_cmd,
)

FLOORS = str(Path(__file__).resolve().parent / "floors.py")
AS_OF = "2022-05-31"
OK_VALIDATE = (0, 1)  # 1: the plan has error findings (the sample has some)


def count_cells(path: Path) -> str:
    """``cells:cols`` per sheet of a workbook (cells holding a value), with openpyxl."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    pairs = []
    for ws in wb.worksheets:
        cells = width = 0
        for row in ws.iter_rows(values_only=True):
            for i, value in enumerate(row):
                if value is not None and value != "":
                    cells += 1
                    width = max(width, i + 1)
        pairs.append(f"{cells}:{width}")
    wb.close()
    return ",".join(pairs)


def bench_write(plan: Path, tag: str, repeats: int, warmup: int) -> tuple[Row, Row, str]:
    """validate --out vs read + write the same number of cells: (time row, RSS row, spec)."""
    ours_out = OUT / f"status_{tag}.xlsx"
    floor_out = OUT / f"floor_{tag}.xlsx"
    ours = [*zi_workbook_cmd(), "validate", str(plan), "--as-of", AS_OF, "--out", str(ours_out)]
    first = run_child(ours, ok=OK_VALIDATE)  # also warms the page cache and .pyc files
    spec = count_cells(ours_out)
    floor = [PYTHON, FLOORS, "read-write", str(plan), str(floor_out), spec]
    series = interleaved(
        {"ours": (ours, OK_VALIDATE), "floor": (floor, (0,))}, repeats, warmup=warmup
    )
    if warmup == 0:
        series["ours"].runs.append(first)
    o, f = series["ours"], series["floor"]
    cells = sum(int(p.split(":")[0]) for p in spec.split(","))
    print(f"   {tag}: ours {o.spread}, floor {f.spread}; output cells {cells:,} ({spec})")
    return (
        Row(f"{tag} validate --out: time", o.seconds, f.seconds, None),
        Row(f"{tag} validate --out: peak RSS", o.rss_mib, f.rss_mib, None, unit="MiB"),
        spec,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=9, help="runs each, T1/T2 (9)")
    parser.add_argument("--big-repeats", type=int, default=3, help="runs each, T3 (3)")
    parser.add_argument("--rows", type=int, default=100_000, help="T3 plan size (100000)")
    parser.add_argument("--skip-big", action="store_true", help="T1 and T2 only")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table too")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    banner("bench_validate: T1-T3")
    rows: list[Row] = []

    t1_time, t1_rss, _ = bench_write(SAMPLE, "T1", args.repeats, warmup=1)
    t1_time.figure, t1_time.target = "T1 validate SAMPLE --out (time)", 1.5
    t1_rss.figure = "T1 validate SAMPLE --out (peak RSS)"
    rows += [t1_time, t1_rss]

    ours = [*zi_workbook_cmd(), "validate", str(SAMPLE), "--as-of", AS_OF, "--format", "json"]
    floor = [PYTHON, FLOORS, "read", str(SAMPLE)]
    t2 = interleaved({"ours": (ours, OK_VALIDATE), "floor": (floor, (0,))}, args.repeats)
    print(f"   T2: ours {t2['ours'].spread}, floor {t2['floor'].spread}")
    rows.append(
        Row("T2 validate SAMPLE --format json (time)", t2["ours"].seconds, t2["floor"].seconds, 1.5)
    )
    rows.append(
        Row(
            "T2 validate SAMPLE --format json (peak RSS)",
            t2["ours"].rss_mib,
            t2["floor"].rss_mib,
            None,
            unit="MiB",
        )
    )

    if not args.skip_big:
        from make_plans import ensure_big_plan

        big = ensure_big_plan(args.rows)
        t3_time, t3_rss, _ = bench_write(big, "T3", args.big_repeats, warmup=0)
        t3_time.figure = f"T3 validate {args.rows:,}-row plan --out (time)"
        t3_rss.figure = f"T3 validate {args.rows:,}-row plan --out (peak RSS)"
        t3_time.target = t3_rss.target = 2.0
        rows += [t3_time, t3_rss]

    print(table(rows))
    if args.markdown:
        print()
        print(table(rows, markdown=True))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
