"""Shared helpers of the bench scripts: whole-process timing, peak RSS, the table.

Every figure is a median over several whole-process runs, and every comparison is a
ratio against a floor measured in the same run, ours and the floor interleaved so a
noisy neighbour slows both alike. Peak memory is the child's own maximum RSS, from GNU
``/usr/bin/time -f %M`` (``apt-get install -y time``), else from ``os.wait4``.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
PYTHON = sys.executable


def child_env() -> dict[str, str]:
    """The environment for measured processes: bytecode caching on, as users have it.

    ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI) would make every cold
    process compile our sources again; pip-installed dependencies ship .pyc files.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not _installed():
        old = env.get("PYTHONPATH")
        env["PYTHONPATH"] = str(ROOT) + (os.pathsep + old if old else "")
    return env


def _installed() -> bool:
    return os.environ.get("ZI_BENCH_INSTALLED") == "1"


def zi_workbook_cmd() -> list[str]:
    """How to run this tree's CLI: ``python -m zi_workbook.cli`` with ROOT on PYTHONPATH.

    Set ``ZI_BENCH_INSTALLED=1`` to run the installed ``zi-workbook`` console script
    instead (beside this interpreter, else on PATH).
    """
    if not _installed():
        return [PYTHON, "-m", "zi_workbook.cli"]
    beside = Path(PYTHON).parent / "zi-workbook"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("zi-workbook")
    if found is None:
        raise SystemExit("zi-workbook is not installed: pip install -e . first")
    return [found]


@dataclass
class Run:
    seconds: float
    rss_mib: float
    returncode: int
    stderr: str = ""
    #: user + system CPU seconds of the child and every process it waited for
    cpu: float = 0.0


TIME = "/usr/bin/time"  # GNU time (Debian package ``time``)


def run_child(cmd: Sequence[str], *, ok: Sequence[int] = (0,), cwd: Path | None = None) -> Run:
    """Run ``cmd`` once, stdout to /dev/null; wall time and the child's own peak RSS.

    The RSS comes from GNU time when it is installed. Without it, from ``os.wait4``,
    which on Linux is never below this (parent) process's RSS at the fork: exec keeps
    the forked copy's high-water mark. So keep this process small, or install ``time``.
    """
    full = list(cmd)
    report = None
    if os.path.exists(TIME):
        fd, report = tempfile.mkstemp(prefix="zi-bench-", suffix=".rss")
        os.close(fd)
        full = [TIME, "-f", "%M", "-o", report, *full]
    start = time.perf_counter()
    proc = subprocess.Popen(
        full,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=child_env(),
    )
    assert proc.stderr is not None
    err = proc.stderr.read()  # the child ends when it closes its stderr
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    rss_kib = float(usage.ru_maxrss)
    if report is not None:
        with open(report) as handle:
            lines = handle.read().split()
        os.unlink(report)
        if lines and lines[-1].isdigit():
            rss_kib = float(lines[-1])
    cpu = usage.ru_utime + usage.ru_stime
    run = Run(seconds, rss_kib / 1024, proc.returncode, err.decode(errors="replace"), cpu)
    if run.returncode not in ok:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {run.returncode} (expected {list(ok)}):\n{run.stderr[-2000:]}"
        )
    return run


@dataclass
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss_mib(self) -> float:
        return statistics.median(r.rss_mib for r in self.runs)

    @property
    def spread(self) -> str:
        times = sorted(r.seconds for r in self.runs)
        return f"{times[0]:.3f}-{times[-1]:.3f}s"

    @property
    def cpu_spread(self) -> str:
        times = sorted(r.cpu for r in self.runs)
        return f"{times[0]:.3f}-{times[-1]:.3f}s CPU"


def interleaved(
    commands: dict[str, tuple[Sequence[str], Sequence[int]]], repeats: int, warmup: int = 1
) -> dict[str, Series]:
    """Run each command ``repeats`` times, round-robin (order rotated every round)."""
    names = list(commands)
    for _ in range(warmup):  # page cache, .pyc files
        for name in names:
            cmd, ok = commands[name]
            run_child(cmd, ok=ok)
    out = {name: Series(name) for name in names}
    for i in range(repeats):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            cmd, ok = commands[name]
            out[name].runs.append(run_child(cmd, ok=ok))
    return out


@dataclass
class Row:
    figure: str
    ours: float | None
    floor: float | None
    target: float | None  # the largest ratio that meets the target
    unit: str = "s"
    note: str = ""
    verdict: str | None = None  # yes/NO decided elsewhere (a check, not a ratio)
    target_text: str = "-"

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.floor is None or self.floor == 0:
            return None
        return self.ours / self.floor

    @property
    def met(self) -> str:
        if self.verdict is not None:
            return self.verdict
        if self.ratio is None or self.target is None:
            return "n/a"
        return "yes" if self.ratio <= self.target else "NO"


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "modules":
        return f"{value:.0f}"
    return f"{value:.2f} {unit}"


def table(rows: Sequence[Row], markdown: bool = False) -> str:
    """The figures as a fixed-width (or Markdown) table."""
    heads = ["figure", "ours", "floor", "ratio", "target", "met"]
    body = [
        [
            r.figure,
            _num(r.ours, r.unit),
            _num(r.floor, r.unit),
            f"{r.ratio:.2f}x" if r.ratio is not None else "-",
            f"<= {r.target:g}x" if r.target is not None else r.target_text,
            r.met,
        ]
        for r in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(h), *(len(c[i]) for c in body)) for i, h in enumerate(heads)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*heads), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*cells) for cells in body]
    notes = [f"  {r.figure}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + (["notes:", *notes] if notes else []))


def machine() -> str:
    """nproc, Python and the CPU model, for the record."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"nproc {os.cpu_count()} · Python {platform.python_version()} · {cpu} · "
        f"{platform.system()} {platform.release()}"
    )


def banner(title: str) -> None:
    print(f"== {title}")
    print(f"   {machine()}")
