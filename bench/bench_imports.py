"""T6: ``import zi_workbook.cli`` loads neither pandas nor numpy; cold import times.

    python bench/bench_imports.py               # the check, then import times (9 runs)
    python bench/bench_imports.py --repeats 15

The check looks at ``sys.modules`` after ``import zi_workbook.cli`` and at the end of
real runs of ``validate`` (text, json, --out) and ``summary``, each in a fresh process.

Import times are per module, each in a fresh interpreter: the whole process
(``python -c "import M"``) less an empty one (``python -c "pass"``), and what
``python -X importtime`` says the import itself took (cumulative), medians.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys

from _common import OUT, PYTHON, SAMPLE, Row, banner, child_env, run_child, table

HEAVY = ("pandas", "numpy")
MODULES = ("zi_workbook.cli", "click", "xlsxwriter", "openpyxl", "pandas", "python_calamine")
_REPORT = (
    "import atexit, sys\n"
    "def _report():\n"
    "    top = sorted({m.split('.')[0] for m in sys.modules})\n"
    "    sys.stderr.write('ZI-MODULES ' + ','.join(top) + '\\n')\n"
    "atexit.register(_report)\n"
)


def loaded_after(code: str) -> list[str]:
    """Top-level modules in ``sys.modules`` when a fresh interpreter running ``code`` ends."""
    proc = subprocess.run(
        [PYTHON, "-c", _REPORT + code],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    for line in proc.stderr.splitlines():
        if line.startswith("ZI-MODULES "):
            return line.split(" ", 1)[1].split(",")
    raise RuntimeError(f"no module list (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def cli_run(args: list[str]) -> str:
    return f"sys.argv = ['zi-workbook', *{args!r}]\nfrom zi_workbook.cli import main\nmain()\n"


def check_heavy() -> list[Row]:
    folder = OUT / "imports_plans"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        shutil.copyfile(SAMPLE, folder / f"plan_{i}.xlsx")
    sample, as_of = str(SAMPLE), ["--as-of", "2022-05-31"]
    cases = {
        "import zi_workbook.cli": "import zi_workbook.cli\n",
        "validate (text)": cli_run(["validate", sample, *as_of]),
        "validate --format json": cli_run(["validate", sample, *as_of, "--format", "json"]),
        "validate --out": cli_run(
            ["validate", sample, *as_of, "--out", str(OUT / "imports_status.xlsx")]
        ),
        "summary --out (3 plans)": cli_run(
            ["summary", str(folder), *as_of, "--out", str(OUT / "imports_summary.xlsx")]
        ),
    }
    rows = []
    for name, code in cases.items():
        try:
            mods = loaded_after(code)
        except RuntimeError as exc:
            print(f"   T6 {name}: could not run: {str(exc).splitlines()[0]}")
            rows.append(
                Row(
                    f"T6 {name}: pandas/numpy loaded",
                    None,
                    None,
                    None,
                    unit="",
                    verdict="n/a",
                    target_text="none",
                )
            )
            continue
        heavy = [m for m in mods if m in HEAVY]
        print(f"   T6 {name}: {len(mods)} top-level modules; pandas/numpy: {heavy or 'none'}")
        rows.append(
            Row(
                f"T6 {name}: pandas/numpy loaded",
                float(len(heavy)),
                None,
                None,
                unit="modules",
                verdict="yes" if not heavy else "NO",
                target_text="none",
                note=f"loaded: {', '.join(heavy)}" if heavy else "",
            )
        )
    third = [m for m in loaded_after("import zi_workbook.cli\n") if not _stdlib(m)]
    print(f"   import zi_workbook.cli, non-stdlib top-level modules: {', '.join(third)}")
    return rows


def _stdlib(name: str) -> bool:
    return name in sys.stdlib_module_names or name.startswith("_") or name == "__main__"


_IMPORTTIME = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$")


def importtime_ms(module: str) -> float:
    proc = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        env=child_env(),
        check=True,
    )
    for line in proc.stderr.splitlines():
        m = _IMPORTTIME.match(line)
        if m and m.group(2) == module:
            return int(m.group(1)) / 1000
    return float("nan")


def import_times(repeats: int) -> list[tuple[str, float, float]]:
    empty = [PYTHON, "-c", "pass"]
    out = []
    run_child(empty)
    for module in MODULES:
        cmd = [PYTHON, "-c", f"import {module}"]
        run_child(cmd)  # warm-up: .pyc files, page cache
        base, full, own = [], [], []
        for _ in range(repeats):
            base.append(run_child(empty).seconds)
            full.append(run_child(cmd).seconds)
            own.append(importtime_ms(module))
        delta = (statistics.median(full) - statistics.median(base)) * 1000
        out.append((module, delta, statistics.median(own)))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=9, help="runs per module (9)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables too")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    banner("bench_imports: T6")
    rows = check_heavy()
    times = import_times(args.repeats)
    click_ms = next(ms for m, ms, _ in times if m == "click")
    zi_ms = next(ms for m, ms, _ in times if m == "zi_workbook.cli")
    rows.append(
        Row(
            "import zi_workbook.cli vs import click (ms)",
            zi_ms,
            click_ms,
            None,
            unit="ms",
            note="information only: the cli module imports click itself",
        )
    )
    print(table(rows))
    print()
    heads = ("module", "process - empty process", "-X importtime (cumulative)")
    lines = [f"{heads[0]:<18}  {heads[1]:>24}  {heads[2]:>27}"]
    lines += [f"{m:<18}  {d:>21.1f} ms  {o:>24.1f} ms" for m, d, o in times]
    print("\n".join(lines))
    if args.markdown:
        print()
        print(table(rows, markdown=True))
        print()
        print("| module | process − empty process | `-X importtime` (cumulative) |")
        print("|---|---|---|")
        for m, d, o in times:
            print(f"| `{m}` | {d:.1f} ms | {o:.1f} ms |")


if __name__ == "__main__":
    main()
