"""Scale: time and peak RSS of ``validate`` against plan size, for the README.

    python bench/bench_scale.py                           # 10k, 25k, 50k, 100k rows
    python bench/bench_scale.py --sizes 5000,20000 --repeats 3

For each generated plan (bench/make_plans.py) it runs ``validate --out`` and
``validate --format json`` as whole processes, then fits a line (a fixed cost plus a
cost per 1,000 actions) to the figures and says how many actions fit in a memory budget
and what a full Excel sheet (1,048,576 rows) would take.
"""

from __future__ import annotations

import argparse
import statistics

from _common import OUT, Run, banner, run_child, zi_workbook_cmd
from make_plans import ensure_big_plan

AS_OF = "2022-05-31"
EXCEL_ROWS = 1_048_576


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least squares ``y = a + b x``: (a, b)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    return my - b * mx, b


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,25000,50000,100000", help="plan sizes")
    parser.add_argument("--repeats", type=int, default=1, help="runs per size and mode (1)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    banner("bench_scale: validate time and peak RSS by plan size")
    modes = {
        "--out": ["--out", str(OUT / "scale_status.xlsx")],
        "--format json": ["--format", "json"],
    }
    results: dict[str, list[tuple[int, Run]]] = {m: [] for m in modes}
    print(f"{'rows':>8}  {'mode':<14}  {'time':>9}  {'peak RSS':>9}  {'per 1k rows':>22}")
    for rows in sizes:
        plan = ensure_big_plan(rows)
        for mode, extra in modes.items():
            cmd = [*zi_workbook_cmd(), "validate", str(plan), "--as-of", AS_OF, *extra]
            runs = [run_child(cmd, ok=(0, 1)) for _ in range(args.repeats)]
            best = min(runs, key=lambda r: r.seconds)
            results[mode].append((rows, best))
            print(
                f"{rows:>8,}  {mode:<14}  {best.seconds:>7.2f} s  {best.rss_mib:>5.0f} MiB  "
                f"{best.seconds / rows * 1000:>6.3f} s {best.rss_mib / rows * 1000:>6.2f} MiB"
            )
    print()
    for mode, pairs in results.items():
        xs = [float(r) for r, _ in pairs]
        t0, t1 = fit(xs, [run.seconds for _, run in pairs])
        m0, m1 = fit(xs, [run.rss_mib for _, run in pairs])
        print(
            f"validate {mode}: time ~ {t0:.2f} s + {t1 * 1000:.3f} s per 1,000 actions; "
            f"peak RSS ~ {m0:.0f} MiB + {m1 * 1000:.2f} MiB per 1,000 actions"
        )
        if m1 > 0:
            for budget in (1024, 2048, 4096):
                print(f"   fits in {budget / 1024:.0f} GiB: ~{(budget - m0) / m1:,.0f} actions")
        print(
            f"   a full Excel sheet ({EXCEL_ROWS:,} rows): ~{t0 + t1 * EXCEL_ROWS:.0f} s, "
            f"~{(m0 + m1 * EXCEL_ROWS) / 1024:.1f} GiB"
        )


if __name__ == "__main__":
    main()
