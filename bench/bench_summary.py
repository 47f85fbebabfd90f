"""T4: ``zi-workbook summary`` over a folder of 500 plans against its floors.

    python bench/bench_summary.py                   # 500 plans, --jobs 2, 3 runs each
    python bench/bench_summary.py --count 100 --repeats 5

T4a ``summary FOLDER --as-of 2022-05-31 --out ringkasan.xlsx --jobs 2`` against: read
    all the plans with python-calamine in as many processes (multiprocessing Pool(2))
    and write with xlsxwriter (constant_memory) as many plain cells per sheet as our
    workbook holds (counted from our own output, so fewer, better cells is fair).
    Target <= 1.5x.
T4b ``summary FOLDER --as-of 2022-05-31 --format json --jobs 2`` against the pool read
    alone. Target <= 2x.

The folder holds copies of the sample (70 actions each) with other offices' names and
small changes (bench/make_plans.py). Also printed: plans per second and the cells of our
workbook per sheet.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from _common import OUT, PYTHON, Row, banner, child_env, interleaved, table, zi_workbook_cmd
from bench_validate import count_cells
from make_plans import ensure_plan_folder

FLOORS = str(Path(__file__).resolve().parent / "floors.py")
AS_OF = "2022-05-31"


def summary_available() -> str | None:
    """None when ``zi-workbook summary --help`` works, else why not."""
    proc = subprocess.run(
        [*zi_workbook_cmd(), "summary", "--help"],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    if proc.returncode == 0:
        return None
    return (proc.stderr or proc.stdout).strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=500, help="plans in the folder (500)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--repeats", type=int, default=3, help="runs each (3)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table too")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    banner("bench_summary: T4")
    folder = ensure_plan_folder(args.count)
    jobs = str(args.jobs)
    why = summary_available()
    if why is not None:
        print(f"   T4: zi-workbook summary could not run yet: {why}")
        return
    out, floor_out = OUT / "ringkasan.xlsx", OUT / "ringkasan_floor.xlsx"
    base = [*zi_workbook_cmd(), "summary", str(folder), "--as-of", AS_OF, "--jobs", jobs]
    ours = [*base, "--out", str(out)]
    subprocess.run(ours, env=child_env(), check=False, capture_output=True)
    spec = count_cells(out)
    cells = sum(int(p.split(":")[0]) for p in spec.split(","))
    print(f"   our workbook: {cells:,} cells ({spec})")
    floor_write = [PYTHON, FLOORS, "pool-read-write", str(folder), str(floor_out), spec]
    floor_read = [PYTHON, FLOORS, "pool-read", str(folder), "--jobs", jobs]
    json_cmd = [*base, "--format", "json"]
    series = interleaved(
        {
            "ours": (ours, (0, 1)),
            "floor": ([*floor_write, "--jobs", jobs], (0,)),
            "json": (json_cmd, (0, 1)),
            "read": (floor_read, (0,)),
        },
        args.repeats,
    )
    o, f, j, r = series["ours"], series["floor"], series["json"], series["read"]
    print(f"   T4a: ours {o.spread}, floor {f.spread}")
    print(f"   T4b: ours {j.spread}, floor {r.spread}")
    print(
        f"   plans per second: ours {args.count / o.seconds:.0f}, "
        f"floor {args.count / f.seconds:.0f} (--jobs {args.jobs})"
    )
    rows = [
        Row(f"T4a summary {args.count} plans --out --jobs {jobs}", o.seconds, f.seconds, 1.5),
        Row(f"T4b summary {args.count} plans --format json", j.seconds, r.seconds, 2.0),
        Row(
            f"T4 summary {args.count} plans (peak RSS, largest process)",
            o.rss_mib,
            f.rss_mib,
            None,
            unit="MiB",
        ),
    ]
    print(table(rows))
    if args.markdown:
        print()
        print(table(rows, markdown=True))


if __name__ == "__main__":
    main()
