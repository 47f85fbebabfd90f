"""Every target of issue 19 in one table: figure, ours, floor, ratio, target, met.

    python bench/run_all.py                    # everything (about 15 minutes, loaded 2 cores)
    python bench/run_all.py --only T1,T2,T5    # some targets
    python bench/run_all.py --quick            # fewer runs, 20,000 rows for T3, 200 plans

Each figure is the median of whole-process runs, ours and its floor interleaved in the
same run (bench/_common.py). Time is CPU time (user + system of the child and every
process it waited for, from ``os.wait4``): the machine is shared, and CPU time is what a
busy neighbour disturbs least. Wall time is printed beside it where the target is in
wall time. The other scripts are called, not copied: floors.py, bench_compare.py's
versions, warm.py, and web.py / lke.py when they are there.

Targets (the issue's numbering):
  T1 validate SAMPLE --out                 <= 1.3x read + write the same cells
  T2 validate SAMPLE --format json         <= 1.5x read
  T3 100,000 rows --out                    <= 1.5x CPU, <= 1.3x peak RSS (constant_memory
                                           floor); 10k -> 100k <= 10.5x; 10k <= 1.6x wall
  T4 summary 500 plans --out --jobs 2      <= 1.5x pool read + write the same cells per
                                           sheet; --format json <= 2x pool read; 2,000
                                           plans --out <= 1.3x the floor's peak RSS
  T5 read + check of the 70-row sample, warm, LKE aside: <= raw read + 3 ms
  T6 compare / validate --previous of two 10,000-row versions <= 1.5x validate one;
     LKE mapping <= 10 ms cold, <= 3 ms warm
  T7 the page: cold start <= 10 s, a 70-row plan <= 1 s (web.py, needs a built site)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from _common import (
    BENCH,
    OUT,
    PYTHON,
    ROOT,
    SAMPLE,
    Row,
    Series,
    banner,
    child_env,
    interleaved,
    run_child,
    table,
    zi_workbook_cmd,
)
from bench_validate import count_cells

sys.path.insert(0, str(ROOT))  # this tree's zi_workbook, for make_plans and bench_compare

FLOORS = str(BENCH / "floors.py")
AS_OF = "2022-05-31"
OK = (0, 1)  # 1: the plan has error findings


def _cells(spec: str) -> int:
    return sum(int(p.split(":")[0]) for p in spec.split(","))


def _pair(
    ours: list[str], floor: list[str], repeats: int, warmup: int = 1
) -> tuple[Series, Series]:
    runs = interleaved({"ours": (ours, OK), "floor": (floor, (0,))}, repeats, warmup=warmup)
    o, f = runs["ours"], runs["floor"]
    print(f"   ours {o.cpu_spread} ({o.spread} wall), floor {f.cpu_spread} ({f.spread} wall)")
    return o, f


def _validate(plan: Path, *extra: str) -> list[str]:
    return [*zi_workbook_cmd(), "validate", str(plan), "--as-of", AS_OF, *extra]


def t1(repeats: int) -> list[Row]:
    out = OUT / "run_all_t1.xlsx"
    ours = _validate(SAMPLE, "--out", str(out))
    run_child(ours, ok=OK)
    spec = count_cells(out)
    print(f"== T1: our status workbook holds {_cells(spec):,} cells ({spec})")
    floor = [PYTHON, FLOORS, "read-write", str(SAMPLE), str(OUT / "run_all_t1_floor.xlsx"), spec]
    o, f = _pair(ours, floor, repeats)
    return [
        Row("T1 validate SAMPLE --out (CPU)", o.cpu, f.cpu, 1.3),
        Row("T1 validate SAMPLE --out (wall)", o.seconds, f.seconds, None),
    ]


def t2(repeats: int) -> list[Row]:
    print("== T2")
    o, f = _pair(
        _validate(SAMPLE, "--format", "json"), [PYTHON, FLOORS, "read", str(SAMPLE)], repeats
    )
    return [
        Row("T2 validate SAMPLE --format json (CPU)", o.cpu, f.cpu, 1.5),
        Row("T2 validate SAMPLE --format json (wall)", o.seconds, f.seconds, None),
    ]


def _big(rows: int, repeats: int) -> tuple[Series, Series]:
    from make_plans import ensure_big_plan

    plan = ensure_big_plan(rows)
    out = OUT / f"run_all_{rows}.xlsx"
    ours = _validate(plan, "--out", str(out))
    first = run_child(ours, ok=OK)
    spec = count_cells(out)
    print(f"== T3 {rows:,} rows: our status workbook holds {_cells(spec):,} cells ({spec})")
    floor = [PYTHON, FLOORS, "read-write", str(plan), str(OUT / f"run_all_{rows}_f.xlsx"), spec]
    o, f = _pair(ours, floor, repeats, warmup=0)
    o.runs.append(first)
    return o, f


def t3(rows: int, small: int, repeats: int) -> list[Row]:
    so, sf = _big(small, max(repeats, 3))
    bo, bf = _big(rows, repeats)
    scale = bo.cpu / so.cpu if so.cpu else None
    return [
        Row(f"T3 validate {rows:,} rows --out (CPU)", bo.cpu, bf.cpu, 1.5),
        Row(f"T3 validate {rows:,} rows --out (peak RSS)", bo.rss_mib, bf.rss_mib, 1.3, "MiB"),
        Row(
            f"T3 {small:,} -> {rows:,} rows, ours (CPU)",
            bo.cpu,
            so.cpu,
            None,
            verdict=None if scale is None else ("yes" if scale <= rows / small * 1.05 else "NO"),
            target_text=f"<= {rows / small * 1.05:g}x",
        ),
        Row(f"T3 validate {small:,} rows --out (wall)", so.seconds, sf.seconds, 1.6),
    ]


def _folder(count: int) -> Path:
    from make_plans import ensure_plan_folder

    return ensure_plan_folder(count)


def _summary(folder: Path, jobs: int, *extra: str) -> list[str]:
    return [
        *zi_workbook_cmd(),
        "summary",
        str(folder),
        "--as-of",
        AS_OF,
        "--jobs",
        str(jobs),
        *extra,
    ]


def t4(count: int, big_count: int, repeats: int, jobs: int = 2) -> list[Row]:
    rows: list[Row] = []
    folder = _folder(count)
    out = OUT / "run_all_summary.xlsx"
    ours = _summary(folder, jobs, "--out", str(out))
    run_child(ours, ok=OK)
    spec = count_cells(out)
    print(f"== T4 {count} plans --out: our summary workbook holds {_cells(spec):,} cells ({spec})")
    floor = [
        PYTHON,
        FLOORS,
        "pool-read-write",
        str(folder),
        str(OUT / "run_all_summary_f.xlsx"),
        spec,
        "--jobs",
        str(jobs),
    ]
    o, f = _pair(ours, floor, repeats)
    rows.append(Row(f"T4 summary {count} plans --out --jobs {jobs} (CPU)", o.cpu, f.cpu, 1.5))
    rows.append(Row(f"T4 summary {count} plans --out (wall)", o.seconds, f.seconds, None))
    print(f"== T4 {count} plans --format json")
    pool = [PYTHON, FLOORS, "pool-read", str(folder), "--jobs", str(jobs)]
    o, f = _pair(_summary(folder, jobs, "--format", "json"), pool, repeats)
    rows.append(Row(f"T4 summary {count} plans --format json (CPU)", o.cpu, f.cpu, 2.0))
    if big_count:
        folder = _folder(big_count)
        out = OUT / "run_all_summary_big.xlsx"
        ours = _summary(folder, jobs, "--out", str(out))
        run_child(ours, ok=OK)
        spec = count_cells(out)
        print(f"== T4 {big_count} plans --out: {_cells(spec):,} cells; peak RSS")
        floor = [
            PYTHON,
            FLOORS,
            "pool-read-write",
            str(folder),
            str(OUT / "run_all_summary_big_f.xlsx"),
            spec,
            "--jobs",
            str(jobs),
        ]
        o, f = _pair(ours, floor, max(1, repeats - 1), warmup=0)
        rows.append(
            Row(f"T4 summary {big_count} plans --out (peak RSS)", o.rss_mib, f.rss_mib, 1.3, "MiB")
        )
    return rows


def _json_child(cmd: list[str]) -> dict[str, float]:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), check=True)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def t5(repeats: int) -> list[Row]:
    print("== T5 (and the warm LKE mapping)")
    warm = _json_child([PYTHON, str(BENCH / "warm.py"), "check", "--repeats", str(repeats)])
    print(f"   {warm}")
    ours = (warm["read_check_ms"] - warm["lke_warm_ms"]) / 1000
    raw = warm["raw_ms"] / 1000
    beyond = ours - raw
    return [
        Row(
            f"T5 read + check, {warm['rows']:.0f}-row sample, warm, LKE aside (CPU)",
            ours,
            raw,
            None,
            verdict="yes" if beyond <= 0.003 else "NO",
            target_text="<= floor + 3 ms",
            note=f"{beyond * 1000:.2f} ms beyond the raw read",
        ),
    ]


def t6(rows: int, repeats: int) -> list[Row]:
    from bench_compare import make_versions

    out = _lke()
    old, new = make_versions(rows)
    print(f"== T6 compare / validate --previous, {rows:,} rows")
    runs = interleaved(
        {
            "compare": (
                [
                    *zi_workbook_cmd(),
                    "compare",
                    str(old),
                    str(new),
                    "--as-of",
                    AS_OF,
                    "--format",
                    "json",
                ],
                OK,
            ),
            "previous": (_validate(new, "--previous", str(old), "--format", "json"), OK),
            "validate": (_validate(new, "--format", "json"), OK),
        },
        repeats,
    )
    for name, s in runs.items():
        print(f"   {name}: {s.cpu_spread} ({s.spread} wall)")
    v = runs["validate"].cpu
    out.append(Row(f"T6 compare two {rows:,}-row versions (CPU)", runs["compare"].cpu, v, 1.5))
    out.append(Row(f"T6 validate --previous, {rows:,} rows (CPU)", runs["previous"].cpu, v, 1.5))
    return out


def _lke() -> list[Row]:
    """bench/lke.py (the LKE engineer's): cold, warm and 1k -> 10k rows, parsed."""
    print("== T6 bench/lke.py")
    proc = subprocess.run(
        [PYTHON, str(BENCH / "lke.py")],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    text = proc.stdout
    print(text.rstrip() or proc.stderr.rstrip()[-2000:])
    cold = re.search(r"cold ([\d.]+) ms", text)
    warm = re.search(r"warm ([\d.]+) ms", text)
    scale = re.search(r"x([\d.]+) for x10 rows", text)

    def row(label: str, m: re.Match[str] | None, limit: float, unit: str) -> Row:
        value = float(m.group(1)) if m else None
        return Row(
            label,
            None if value is None or unit == "x" else value / 1000,
            None,
            None,
            verdict=None if value is None else ("yes" if value <= limit else "NO"),
            target_text=f"<= {limit:g} {unit}",
            note=f"{value:.1f}x" if value is not None and unit == "x" else "",
        )

    return [
        row("T6 LKE map + cover of the sample, cold, import included (CPU)", cold, 10, "ms"),
        row("T6 LKE map + cover of the sample, warm (CPU)", warm, 3, "ms"),
        row("T6 LKE 1,000 -> 10,000 rows (CPU ratio)", scale, 10.5, "x"),
    ]


def t7(site: Path) -> list[Row]:
    web = BENCH / "web.py"
    if not web.exists() or not (site / "index.html").exists():
        why = "bench/web.py not landed" if not web.exists() else f"no site at {site}"
        return [Row("T7 page cold start / per plan", None, None, None, note=why)]
    print("== T7 bench/web.py")
    proc = subprocess.run(
        [PYTHON, str(web), "--site", str(site)],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    print(proc.stdout.rstrip() or proc.stderr.rstrip()[-2000:])

    def figure(label: str) -> float | None:
        m = re.search(label + r"\s+([\d.]+) s", proc.stdout)
        return float(m.group(1)) if m else None

    cold, plan = figure(r"cold start \(no cache\)"), figure("70-action plan, per check")
    return [
        Row(
            "T7 page cold start (wall)",
            cold,
            None,
            None,
            target_text="<= 10 s",
            verdict=None if cold is None else ("yes" if cold <= 10 else "NO"),
        ),
        Row(
            "T7 page, a 70-row plan (wall)",
            plan,
            None,
            None,
            target_text="<= 1 s",
            verdict=None if plan is None else ("yes" if plan <= 1 else "NO"),
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", default="T1,T2,T3,T4,T5,T6,T7")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=9, help="runs each, T1/T2 (9)")
    parser.add_argument("--rows", type=int, default=100_000, help="T3 plan (100000)")
    parser.add_argument("--big-repeats", type=int, default=3, help="runs each, T3 and T4 (3)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="T7 built site")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    only = set(args.only.upper().split(","))
    quick = args.quick
    OUT.mkdir(parents=True, exist_ok=True)
    banner("run_all: issue 19 targets")
    print(f"   commit {_commit()}; CLI {' '.join(zi_workbook_cmd())}")
    rows: list[Row] = []
    if "T1" in only:
        rows += t1(3 if quick else args.repeats)
    if "T2" in only:
        rows += t2(3 if quick else args.repeats)
    if "T3" in only:
        rows += t3(
            20_000 if quick else args.rows,
            2_000 if quick else 10_000,
            1 if quick else args.big_repeats,
        )
    if "T4" in only:
        rows += t4(200 if quick else 500, 0 if quick else 2000, 1 if quick else args.big_repeats)
    if "T5" in only:
        rows += t5(50 if quick else 300)
    if "T6" in only:
        rows += t6(2_000 if quick else 10_000, 1 if quick else args.big_repeats)
    if "T7" in only:
        rows += t7(args.site)
    print()
    print(table(rows))
    if args.markdown:
        print()
        print(table(rows, markdown=True))
    sys.stdout.flush()


def _commit() -> str:
    if os.environ.get("ZI_BENCH_COMMIT"):  # a copy of the tree outside git
        return os.environ["ZI_BENCH_COMMIT"]
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip() or "?"


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
