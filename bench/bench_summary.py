"""T4: ``zi-workbook summary`` over a folder of 500 plans against reading them all.

    python bench/bench_summary.py                   # 500 plans, --jobs 2, 3 runs each
    python bench/bench_summary.py --count 100 --repeats 5

T4  ``summary FOLDER --as-of 2022-05-31 --out ringkasan.xlsx --jobs 2`` against: read
    all the plans with python-calamine in as many processes (multiprocessing Pool(2)).
    Target <= 2x. The folder holds copies of the sample (70 actions each) with other
    offices' names and small changes (bench/make_plans.py).

Also printed: plans per second, ours and the floor's.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from _common import OUT, PYTHON, Row, banner, child_env, interleaved, table, zi_workbook_cmd
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
    figure = f"T4 summary {args.count} plans --out --jobs {args.jobs} (time)"
    why = summary_available()
    floor = [PYTHON, FLOORS, "pool-read", str(folder), "--jobs", str(args.jobs)]
    if why is not None:
        print(f"   T4: zi-workbook summary could not run yet: {why}")
        series = interleaved({"floor": (floor, (0,))}, args.repeats)
        rows = [Row(figure, None, series["floor"].seconds, 2.0, note="summary not available")]
    else:
        out = OUT / "ringkasan.xlsx"
        ours = [
            *zi_workbook_cmd(),
            "summary",
            str(folder),
            "--as-of",
            AS_OF,
            "--out",
            str(out),
            "--jobs",
            str(args.jobs),
        ]
        series = interleaved({"ours": (ours, (0, 1)), "floor": (floor, (0,))}, args.repeats)
        o, f = series["ours"], series["floor"]
        print(f"   T4: ours {o.spread}, floor {f.spread}")
        print(
            f"   plans per second: ours {args.count / o.seconds:.0f}, "
            f"floor {args.count / f.seconds:.0f} (--jobs {args.jobs})"
        )
        rows = [
            Row(figure, o.seconds, f.seconds, 2.0),
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
