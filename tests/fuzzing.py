"""A seeded mutator over a small plan workbook, and the checks each mutant must pass.

Used by ``tests/test_fuzz.py`` (a few hundred cases in the suite) and by
``bench/fuzz.py --minutes N`` (longer runs). A case is ``(seed, index)``: the same
pair always gives the same bytes, so a failure is replayed with
``python bench/fuzz.py --replay SEED:INDEX``.

Mutations: XML attributes set to hostile values (huge counts, ranges over the whole
sheet, ``general``, ``-inf``, lone surrogates), XML elements duplicated, dropped or
inserted (far cells, rows without ``r=``, error cells, DOCTYPEs, huge merges and
hyperlinks), cell text replaced, members renamed, dropped or stored, and bytes of
the finished zip flipped or cut off.

The checks (:func:`run_case`), run in a worker process under an address-space cap:
exit 0, 1 or 2 only; one stderr line for 2; no traceback; stdout empty or one whole
JSON document; the input unchanged; nothing left beside the output or in $TMPDIR.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ATTR_VALUES = [
    "4000000000",
    "-1",
    "0",
    "99999999999999999999",
    "XFD1048576",
    "A1:XFD1048576",
    "F6:F1048576",
    "A:XFD",
    "general",
    "",
    "&#xD800;",
    "1e308",
    "-inf",
    "nan",
    "e",
    "s",
    "str",
    "x-unknown",
    "rId999",
    "../../../etc/passwd",
    "javascript:alert(1)",
]
SNIPPETS = [
    '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>',
    '<c r="A1048576"><v>1</v></c>',
    "<c><v>1</v></c>",
    '<c t="e"/>',
    '<c r="B7" t="e"><v>#REF!</v></c>',
    '<c r="G6" s="2"><v>-inf</v></c>',
    '<c r="G6" s="2"><v>1e308</v></c>',
    '<c r="F6" t="str"><f>HYPERLINK("https://x.go.id/&#xD800;","x")</f><v>x</v></c>',
    "<row><c><v>1</v></c></row>",
    "<row/>" * 50,
    '<!DOCTYPE x [<!ENTITY a "a">]>',
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId1"/></hyperlinks>',
    '<dimension ref="A1:XFD1048576"/>',
    "<si><t>&#xD800;</t></si>",
    "]]>",
    "<",
]
#: OpenDocument rows and cells inserted into an .ods's content.xml.
ODS_SNIPPETS = [
    '<table:table-row table:number-rows-repeated="100000000"><table:table-cell '
    'office:value-type="float" office:value="1"/></table:table-row>',
    '<table:table-cell table:number-columns-repeated="4000000000" office:value-type="string">'
    "<text:p>x</text:p></table:table-cell>",
    '<table:table-cell table:number-rows-spanned="99999999" table:number-columns-spanned='
    '"99999999" office:value-type="date" office:date-value="-inf"/>',
    '<table:table-cell table:number-columns-repeated="x"/>',
    '<text:a xlink:href="javascript:alert(1)">x</text:a>',
]
#: Little-endian values written over an .xls's OLE header, FAT or BIFF records.
OLE_VALUES = [0, 1, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 4_000_000_000, 65535, 0x7FFFFFFF]
TEXTS = [
    '=HYPERLINK("javascript:alert(1)")',
    "https://drive.google.com/drive/folders/satu https://drive.google.com/drive/folders/satu",
    "Januari-Desember 2022",
    "31/02/2022",
    "\u202e" + "x" * 300,
    "a" * 20000,
    "&amp;#xD800;",
]

Mutation = Callable[[random.Random, dict[str, bytes]], None]


def _xml_names(parts: dict[str, bytes]) -> list[str]:
    return sorted(n for n in parts if n.lower().endswith((".xml", ".rels")))


def _pick(rng: random.Random, parts: dict[str, bytes]) -> str:
    names = _xml_names(parts)
    sheet = [n for n in names if "worksheets/sheet" in n]
    return rng.choice(sheet * 3 + names) if names else ""


def mutate_attribute(rng: random.Random, parts: dict[str, bytes]) -> None:
    name = _pick(rng, parts)
    if not name:
        return
    data = parts[name]
    attrs = list(re.finditer(rb'(\w+)="([^"]*)"', data))
    if attrs:
        m = rng.choice(attrs)
        value = rng.choice(ATTR_VALUES).encode()
        parts[name] = data[: m.start(2)] + value + data[m.end(2) :]


def mutate_element(rng: random.Random, parts: dict[str, bytes]) -> None:
    name = _pick(rng, parts)
    if not name:
        return
    data = parts[name]
    elements = list(re.finditer(rb"<(\w+)\b[^>]*?(?:/>|>[^<]*</\1>)", data))
    how = rng.randrange(4)
    if how == 0 and elements:  # duplicate, many times
        m = rng.choice(elements)
        data = data[: m.end()] + m.group(0) * rng.choice([1, 2, 100, 3000]) + data[m.end() :]
    elif how == 1 and elements:  # drop
        m = rng.choice(elements)
        data = data[: m.start()] + data[m.end() :]
    elif how == 2:  # rows lose their place
        data = re.sub(rb'<row r="\d+"', b"<row", data, count=rng.randrange(1, 50))
    else:  # insert a hostile snippet at a tag boundary
        cuts = [m.start() for m in re.finditer(rb"<", data)] or [0]
        at = rng.choice(cuts)
        snippets = ODS_SNIPPETS if name == "content.xml" else SNIPPETS
        data = data[:at] + rng.choice(snippets).encode() + data[at:]
    parts[name] = data


def mutate_text(rng: random.Random, parts: dict[str, bytes]) -> None:
    for name in ("xl/sharedStrings.xml", *_xml_names(parts)):
        texts = list(re.finditer(rb"<t(?: [^>]*)?>([^<]*)</t>", parts.get(name, b"")))
        if texts:
            m = rng.choice(texts)
            new = rng.choice(TEXTS).encode("utf-8")
            if not new.startswith(b"&"):
                new = new.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
            parts[name] = parts[name][: m.start(1)] + new + parts[name][m.end(1) :]
            return


def mutate_members(rng: random.Random, parts: dict[str, bytes]) -> None:
    name = rng.choice(sorted(parts))
    how = rng.randrange(3)
    if how == 0:
        del parts[name]
    elif how == 1:
        parts[name.upper()] = parts.pop(name)
    else:
        parts[name] = parts[name].decode("utf-8", "replace").encode("utf-16")


XML_MUTATIONS: list[Mutation] = [
    mutate_attribute,
    mutate_attribute,
    mutate_element,
    mutate_element,
    mutate_text,
    mutate_members,
]


def mutant(base: bytes, seed: int, index: int) -> bytes:
    """The bytes of case ``index`` of run ``seed``, mutated from ``base``."""
    rng = random.Random(f"{seed}:{index}")
    if not base.startswith(b"PK"):
        return _binary_mutant(rng, base)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    for _ in range(rng.choice([1, 1, 2, 3])):
        rng.choice(XML_MUTATIONS)(rng, parts)
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.1 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    data = bytearray(out.getvalue())
    roll = rng.random()
    if roll < 0.15:  # flip a few bytes anywhere
        for _ in range(rng.randrange(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif roll < 0.22:  # cut it off
        del data[rng.randrange(1, len(data)) :]
    return bytes(data)


def _binary_mutant(rng: random.Random, base: bytes) -> bytes:
    """An .xls: hostile numbers written over its OLE header (a third of them), its
    FAT and directory, or its BIFF records; bytes flipped; or cut off."""
    data = bytearray(base)
    for _ in range(rng.choice([1, 1, 2, 4])):
        at = rng.randrange(0, 76, 2) if rng.random() < 0.3 else rng.randrange(0, len(data) - 4)
        value = rng.choice(OLE_VALUES)
        if value <= 0xFFFF and rng.random() < 0.5:
            data[at : at + 2] = value.to_bytes(2, "little")
        else:
            data[at : at + 4] = value.to_bytes(4, "little")
    roll = rng.random()
    if roll < 0.2:
        for _ in range(rng.randrange(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif roll < 0.3:
        del data[rng.randrange(1, len(data)) :]
    return bytes(data)


# ----------------------------------------------------------------- the checks


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_case(path: Path, with_out: bool, timeout: int) -> dict[str, Any]:
    from cli_runner import invoke

    from zi_workbook.cli import main

    before = _digest(path)
    folder = path.parent
    args: list[object] = ["validate", path, "--format", "json", "--as-of", "2022-06-30"]
    out = folder / "keluaran.xlsx"
    if with_out:
        args += ["--out", out]
    started = time.monotonic()
    signal.alarm(timeout)
    try:
        result = invoke(main, *args)
    finally:
        signal.alarm(0)
    elapsed = time.monotonic() - started
    problems = []
    code = result.exit_code
    if code not in (0, 1, 2):
        problems.append(f"exit {code}: {result.stderr.strip()[:300]}")
    lines = result.stderr.strip("\n").splitlines()
    if code == 2 and len(lines) != 1:
        problems.append(f"exit 2 with {len(lines)} stderr lines: {result.stderr[:300]}")
    if "Traceback" in result.stderr + result.stdout:
        problems.append("traceback")
    if result.stdout:
        try:
            json.loads(result.stdout_bytes.decode("utf-8"))
        except ValueError as exc:
            problems.append(f"stdout is not one whole JSON document: {exc}")
    elif code in (0, 1):
        problems.append("exit 0/1 without the JSON document")
    if _digest(path) != before:
        problems.append("the input changed")
    left = sorted(p.name for p in folder.iterdir() if p not in (path, out))
    if left:
        problems.append(f"left behind: {left}")
    if with_out and code in (0, 1) and not out.is_file():
        problems.append("exit 0/1 without the output")
    return {"exit": code, "elapsed": elapsed, "problems": problems, "line": lines[-1:] or [""]}


def worker(base: Path, seed: int, indexes: list[int], cap: int, timeout: int) -> None:
    """Run cases (in this process, under an address-space cap of ``cap`` bytes); one
    JSON line each on stdout."""
    import resource

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"case took over {timeout} s")

    signal.signal(signal.SIGALRM, hung)
    # loaded before the cap: the cost every case shares
    import zi_workbook.cli.validate
    import zi_workbook.report  # noqa: F401

    if cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    data = base.read_bytes()
    real_stdout = sys.stdout
    with tempfile.TemporaryDirectory() as scratch:
        tempfile.tempdir = os.path.join(scratch, "tmp")
        os.mkdir(tempfile.tempdir)
        for index in indexes:
            folder = Path(scratch) / f"case{index}"
            folder.mkdir()
            path = folder / f"kasus-{index}{base.suffix}"
            path.write_bytes(mutant(data, seed, index))
            try:
                out = _one_case(path, index % 5 == 0, timeout)
            except BaseException as exc:  # a hang or a crash is the finding
                out = {"exit": None, "elapsed": 0, "problems": [repr(exc)[:300]], "line": [""]}
            left = os.listdir(tempfile.tempdir)
            if left:
                out["problems"].append(f"left in $TMPDIR: {left}")
                for name in left:
                    os.unlink(os.path.join(tempfile.tempdir, name))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            out.update(index=index, size=path.stat().st_size, rss=rss)
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()
            real_stdout.write(json.dumps(out) + "\n")
            real_stdout.flush()


def run_cases(
    base: Path,
    seed: int,
    indexes: list[int],
    *,
    processes: int = 2,
    cap: int = 500 << 20,
    timeout: int = 30,
) -> tuple[list[dict[str, Any]], int]:
    """Cases ``indexes`` of run ``seed`` split over ``processes`` workers; their results
    and the largest peak RSS (bytes) of a worker."""
    import resource
    import subprocess

    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo), str(repo / "tests")])}
    share = [indexes[i::processes] for i in range(processes)]
    args = [str(base), str(seed), str(cap), str(timeout)]
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, *args, *map(str, part)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for part in share
        if part
    ]
    results: list[dict[str, Any]] = []
    for proc, part in zip(procs, share, strict=False):
        stdout, stderr = proc.communicate(timeout=timeout * len(part) + 60)
        got = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
        done = {r["index"] for r in got}
        for index in part:  # a worker that died takes its remaining cases with it
            if index not in done:
                problem = f"worker died (exit {proc.returncode}): {stderr.strip()[-300:]}"
                got.append({"index": index, "exit": None, "problems": [problem], "elapsed": 0})
                break
        results.extend(got)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return sorted(results, key=lambda r: r["index"]), peak


if __name__ == "__main__":  # python tests/fuzzing.py BASE SEED CAP TIMEOUT INDEX...
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    worker(
        Path(sys.argv[1]),
        int(sys.argv[2]),
        [int(i) for i in sys.argv[5:]],
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
