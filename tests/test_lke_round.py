"""The matcher's cheap rounding gives exactly what ``round(x, 4)`` gives."""

from __future__ import annotations

import math
import random
import struct

from zi_workbook.lke.match import round4


def test_round4_is_round_to_4_places_bit_for_bit() -> None:
    rng = random.Random(19)
    xs = [rng.random() for _ in range(20_000)] + [rng.uniform(0, 1e6) for _ in range(2_000)]
    for k in range(0, 10_001, 7):  # halves and their neighbours, where rounding turns
        half = k / 10_000 + 5e-5
        xs += [half, math.nextafter(half, 2.0), math.nextafter(half, -1.0), k / 10_000]
    xs += [0.0, -0.0, 1.0, 2.5e-4, 1.5e-4, 1e6, 999_999.99995, -0.25, 1e-300, math.inf]
    for x in xs:
        assert struct.pack("d", round4(x)) == struct.pack("d", round(x, 4)), x
