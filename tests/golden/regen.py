"""Rewrite every golden file under tests/golden/ from the current code.

    python tests/golden/regen.py

Runs the golden tests with ZI_REGEN_GOLDEN=1 (see tests/golden_check.py), then shows
which files changed. Review the diff before committing it: a changed golden file is a
changed contract.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def main() -> int:
    env = {**os.environ, "ZI_REGEN_GOLDEN": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "golden"],
        cwd=ROOT,
        env=env,
        check=False,
    )
    subprocess.run(["git", "status", "--short", "tests/golden"], cwd=ROOT, check=False)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
