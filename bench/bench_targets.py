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

SEED: list[object] = [
    "Minggu ke-1 April 2022",
    "Juni, Desember 2022",
    "Per-bulan (Januari-Desember)",
    "Minggu ke-3 Januari 2022",
    "Minggu ke-2 November 2022",
    "migrasi alamat lama ke alamat baru mulai Mei 2022",
    "April 2022",
    "Januari 2022",
    "January 2022",
    "Februari 2022",
    "Januari-Juni 2022 dan Juli-Desember 2022",
    "Januari-Desember 2022",
    "April, Juni, September dan Desember 2022",
    "Januari \u2013 Desember 2022",
    "Januari-Desember 2023",
    "Maret, Juni, September, Desember 2022",
    "Juni 2022",
    "Maret 2022",
    "Maret, Juni 2022",
    "Mei 2022",
    44652,
]
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


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from zi_workbook import targets

    def parse(value: object) -> object:
        return targets.parse_target(value, 2022)

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
