"""Median microseconds per TARGET WAKTU parse over the seed plan's targets.

Run from the repository: ``python bench/bench_targets.py``. It prints two figures for
``parse_target``: cold (the text cache cleared before every call, so each call really
parses) and warm (the text cache hit, as when a plan repeats a target). When
``dateparser`` is importable it also prints its figure for the same strings, for
comparison only (dateparser reads one date, not periods, and is not a dependency).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "01_kpu_kab_batang_2022.xlsx"


def seed_targets() -> list[object]:
    """Each distinct TARGET WAKTU of the bundled seed plan, as the cell holds it."""
    from zi_workbook.reading.reader import read_plan
    from zi_workbook.xlsx.workbook import load_book

    plan = read_plan(SAMPLE)
    sheet = {s.name: s for s in load_book(SAMPLE).sheets}["Lampiran II"]
    column = plan.rows[0].column("target")
    col = ord(column) - 64
    values = (sheet.value(row.row, col) for row in plan.rows)
    return list(dict.fromkeys(v for v in values if v not in (None, "")))


CALLS = 500  # calls per timing
REPEATS = 7  # timings per string; the best one counts


def per_call(call: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    """The best time of one ``call`` in microseconds, less the ``setup`` it needs."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(CALLS):
            if setup is not None:
                setup()
            call()
        elapsed = time.perf_counter() - start
        if setup is not None:
            start = time.perf_counter()
            for _ in range(CALLS):
                setup()
            elapsed -= time.perf_counter() - start
        best = min(best, elapsed)
    return best / CALLS * 1e6


def median_us(parse: Callable[[object], object], setup: Callable[[], object] | None) -> float:
    return statistics.median(per_call(lambda v=v: parse(v), setup) for v in SEED)


SEED: list[object] = []


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from zi_workbook import targets

    def parse(value: object) -> object:
        return targets.parse_target(value, 2022)

    SEED.extend(seed_targets())
    clear = targets._read_text.cache_clear
    print(f"strings: {len(SEED)} seed TARGET WAKTU values, plan year 2022")
    print(f"parse_target cold (no cache): {median_us(parse, clear):6.2f} us/parse (median)")
    print(f"parse_target warm (cached):   {median_us(parse, None):6.2f} us/parse (median)")
    try:
        import dateparser  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("dateparser: not installed (not a dependency; skipped)")
        return
    texts = [v for v in SEED if isinstance(v, str)]

    def parse_dp(value: object) -> object:
        return dateparser.parse(str(value), languages=["id", "en"])

    figures = [per_call(lambda t=t: parse_dp(t)) for t in texts]
    print(f"dateparser.parse (id, en):    {statistics.median(figures):6.2f} us/parse (median)")


if __name__ == "__main__":
    main()
