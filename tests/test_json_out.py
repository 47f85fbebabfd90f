"""writers.json_out's indenting writer gives json.dumps(indent=2)'s text, byte for byte."""

from __future__ import annotations

import enum
import json
import random
from typing import Any

import pytest

from zi_workbook.writers.json_out import dumps_indented

_TEXTS = [
    "",
    "a",
    'qu"ote',
    "back\\slash",
    "tab\tnew\nline",
    "\x00\x1f\x7f",
    "é ü 漢字",
    "\ud800",
    "🙂",
]
_NUMBERS: list[Any] = [
    0,
    -1,
    10**30,
    0.5,
    -0.0,
    1e300,
    1e-7,
    float("nan"),
    float("inf"),
    -float("inf"),
]


class _Colour(str, enum.Enum):
    RED = "red"


class _Size(enum.IntEnum):
    BIG = 3


def _value(rng: random.Random, depth: int) -> Any:
    kind = rng.randrange(10 if depth < 4 else 5)
    if kind == 0:
        return rng.choice(_TEXTS)
    if kind == 1:
        return rng.choice(_NUMBERS)
    if kind == 2:
        return rng.choice([None, True, False])
    if kind == 3:
        return rng.choice([_Colour.RED, _Size.BIG, {}, [], ()])
    if kind == 4:
        return rng.choice(_TEXTS) + str(rng.random())
    if kind in (5, 6):
        return {
            rng.choice(_TEXTS) + str(i): _value(rng, depth + 1) for i in range(rng.randrange(5))
        }
    if kind == 7:
        keys: list[Any] = [1, 2.5, True, None, "k", _Colour.RED]
        return {k: _value(rng, depth + 1) for k in rng.sample(keys, 3)}
    if kind == 8:
        return tuple(_value(rng, depth + 1) for _ in range(rng.randrange(4)))
    return [_value(rng, depth + 1) for _ in range(rng.randrange(5))]


@pytest.mark.parametrize("seed", range(40))
def test_random_values_are_encoded_as_json_dumps_does(seed: int) -> None:
    rng = random.Random(seed)
    value = _value(rng, 0)
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert dumps_indented(value) == expected
    assert dumps_indented(value, 2) == expected.replace("\n", "\n    ")


def test_what_json_refuses_it_refuses_too() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"a": [object()]})
    with pytest.raises(TypeError):
        dumps_indented({"a": {(1, 2): 3}})
