"""Fuzz ``validate`` for a while with mutants of a small plan and of the sample plan.

    python bench/fuzz.py --minutes 10            # writes docs/fuzz.md with the figures
    python bench/fuzz.py --minutes 1 --no-docs   # just print them
    python bench/fuzz.py --replay 7:123          # one case again, its file kept

Cases run in batches in ``--processes`` workers, each capped at 500 MB of address
space (``tests/fuzzing.py`` makes the mutants and checks each one: exit 0/1/2, one
line for 2, no traceback, whole JSON or none, input unchanged, nothing left behind).
Seeds alternate between the small plan (``tests/hostile_files.base_plan``) and the
sample; each batch has its own seed, printed with any failing case.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile_files  # noqa: E402
from fuzzing import mutant, run_cases  # noqa: E402

SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
DOC = ROOT / "docs" / "fuzz.md"
BATCH = 100
#: What earlier runs found (each fixed, with a fixture in tests/hostile_files.py).
FOUND = """
## Found by earlier runs (all fixed)

- A cell whose `r=` is no reference (`rId999`): calamine read `rId` as a column far past
  `XFD` (500 MB, 17 s). Now refused as a damaged file.
- A sheet listed 3,000 times in `workbook.xml`: read 3,000 times (23 s). Now read once.
- A far cell within the old 10-million-cell budget: over 500 MB in calamine (about
  28 bytes a cell). The budget is now 5 million cells.
- A MemoryError's traceback printed by calamine's bindings on stderr: now kept off it.
- Zip entries with strong encryption (flag bit 6) or needing zip version 8.4: a
  `NotImplementedError` and exit 3. Now one line, exit 2.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/fuzz.md")
    parser.add_argument("--replay", metavar="SEED:INDEX", help="write one case's file and stop")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        bases = [hostile_files.base_plan(Path(scratch)), SAMPLE]
        if args.replay:
            seed, index = map(int, args.replay.split(":"))
            out = Path(f"fuzz-{seed}-{index}.xlsx")
            out.write_bytes(mutant(bases[seed % 2].read_bytes(), seed, index))
            print(f"{out}: base {bases[seed % 2].name}")
            return 0
        return fuzz(args, bases)


def fuzz(args: argparse.Namespace, bases: list[Path]) -> int:
    started = time.monotonic()
    deadline = started + args.minutes * 60
    results: list[dict[str, object]] = []
    peak = 0
    seed = args.first_seed
    while time.monotonic() < deadline:
        got, peak_now = run_cases(
            bases[seed % 2], seed, list(range(BATCH)), processes=args.processes
        )
        peak = max(peak, peak_now)
        grown = 0
        for r in got:
            r["seed"] = seed
            if int(r.get("rss", 0)) > grown + (200 << 20):  # type: ignore[call-overload]
                print(f"RSS {seed}:{r['index']}: {int(r['rss']) >> 20} MB", flush=True)  # type: ignore[call-overload]
            grown = max(grown, int(r.get("rss", 0)))  # type: ignore[call-overload]
            for problem in r["problems"]:  # type: ignore[attr-defined]
                print(f"FAIL {seed}:{r['index']}: {problem}", flush=True)
        results.extend(got)
        seed += 1
        print(f"{len(results)} cases, {time.monotonic() - started:.0f} s", file=sys.stderr)
    minutes = (time.monotonic() - started) / 60
    text = report(results, peak, minutes, args)
    print(text)
    if not args.no_docs:
        DOC.write_text(text, encoding="utf-8")
    return 1 if any(r["problems"] for r in results) else 0


def report(
    results: list[dict[str, object]], peak: int, minutes: float, args: argparse.Namespace
) -> str:
    exits = Counter(str(r["exit"]) for r in results)
    times = sorted(float(r["elapsed"]) for r in results)  # type: ignore[arg-type]
    failed = [r for r in results if r["problems"]]
    seeds = sorted({int(r["seed"]) for r in results}) or [0]  # type: ignore[call-overload]
    lines = [
        "# Fuzzing",
        "",
        "`python bench/fuzz.py --minutes N` feeds `zi-workbook validate` mutants of a small",
        "plan and of the sample (see `tests/fuzzing.py` for the mutations and the checks).",
        "The suite runs 240 of them (`tests/test_fuzz.py`). Figures of the last run:",
        "",
        "| figure | value |",
        "|---|---|",
        f"| cases | {len(results)} (seeds {seeds[0]}–{seeds[-1]}, {BATCH} each) |",
        f"| minutes | {minutes:.1f} on {args.processes} worker processes |",
        f"| exit 0 / 1 / 2 | {exits.get('0', 0)} / {exits.get('1', 0)} / {exits.get('2', 0)} |",
        f"| failing cases | {len(failed)} |",
    ]
    if times:
        lines += [
            f"| time per case, median / 95th pct / max | {statistics.median(times):.2f} / "
            f"{times[int(len(times) * 0.95)]:.2f} / {times[-1]:.2f} s |",
        ]
    lines += [f"| peak RSS of a worker (cap 500 MB) | {peak / 2**20:.0f} MB |", ""]
    for r in failed[:20]:
        lines.append(f"- `{r['seed']}:{r['index']}`: {'; '.join(r['problems'])}")  # type: ignore[arg-type]
    return "\n".join(lines) + "\n" + FOUND


if __name__ == "__main__":
    sys.exit(main())
