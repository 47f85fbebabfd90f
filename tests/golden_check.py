"""Golden files: an output compared byte for byte with its copy under tests/golden/.

``python tests/golden/regen.py`` rewrites every golden file from the code (it runs the
golden tests with ZI_REGEN_GOLDEN=1); review the diff, then commit it with the change
that made it. Any other run compares, so a changed contract is a visible diff.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["GOLDEN", "assert_golden"]

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(text: str, name: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZI_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from the output: if the change is meant, run "
        "'python tests/golden/regen.py' and commit the diff"
    )
