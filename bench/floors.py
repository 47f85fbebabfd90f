"""The floors the bench scripts compare against: what any tool doing the same job must do.

Each is a whole process, run like ours::

    python bench/floors.py read PLAN                       # T2: import click, read
    python bench/floors.py read-write PLAN OUT SPEC        # T1/T3: ... and write the cells
    python bench/floors.py pool-read FOLDER --jobs 2       # T4: read every plan, Pool(2)
    python bench/floors.py pool-read-write FOLDER OUT SPEC --jobs 2   # T4: ... and write

*read*: import click, read the workbook with python-calamine (every sheet to Python
values) and read the raw bytes of every ``xl/worksheets/*.xml`` and
``xl/worksheets/_rels/*`` member with zipfile (where hyperlinks and merges live, which
calamine does not give).

*read-write*: the same, then write with xlsxwriter (constant_memory) as many plain text
cells as our status workbook holds. SPEC is ``cells:cols[,cells:cols...]``, one pair per
sheet of our output (cells with a value, and the sheet's width), measured once with
openpyxl outside the timing. The texts written are the plan's own, cycled.

*pool-read*: read every ``.xlsx`` of a folder with python-calamine in a
``multiprocessing.Pool(jobs)``.

*pool-read-write*: the same, then write with xlsxwriter (constant_memory) as many plain
text cells per sheet as our summary workbook holds (SPEC as for *read-write*).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import click


def read_plan_floor(path: Path) -> list[str]:
    """Read the workbook with calamine and its sheet XML with zipfile; the texts seen."""
    from python_calamine import CalamineWorkbook

    texts: list[str] = []
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            texts.extend(v for v in row if isinstance(v, str) and v)
    with zipfile.ZipFile(path) as zf:
        for member in zf.namelist():
            if member.startswith("xl/worksheets/") and (
                member.endswith(".xml") or "/_rels/" in member
            ):
                zf.read(member)
    return texts


def _read_one(path: str) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    return sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)


@click.group()
def main() -> None:
    """Floors for the zi-workbook benchmarks."""


@main.command("read")
@click.argument("plan", type=click.Path(path_type=Path, exists=True))
def read(plan: Path) -> None:
    """T2 floor: import click, read PLAN with calamine and its sheet XML."""
    read_plan_floor(plan)


@main.command("read-write")
@click.argument("plan", type=click.Path(path_type=Path, exists=True))
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("spec")
def read_write(plan: Path, out: Path, spec: str) -> None:
    """T1/T3 floor: read PLAN, then write SPEC's plain text cells to OUT."""
    import xlsxwriter

    texts = read_plan_floor(plan) or ["-"]
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    k = 0
    n_texts = len(texts)
    for i, pair in enumerate(spec.split(",")):
        cells, cols = (int(x) for x in pair.split(":"))
        ws = wb.add_worksheet(f"S{i + 1}")
        cols = max(cols, 1)
        for n in range(cells):
            ws.write_string(n // cols, n % cols, texts[k % n_texts])
            k += 1
    wb.close()


@main.command("pool-read")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--jobs", type=int, default=2, show_default=True)
def pool_read(folder: Path, jobs: int) -> None:
    """T4 floor: read every .xlsx in FOLDER with calamine in a Pool(jobs)."""
    from multiprocessing import Pool

    files = sorted(str(p) for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".")))
    with Pool(jobs) as pool:
        rows = sum(pool.map(_read_one, files))
    click.echo(f"{len(files)} files, {rows} rows")


@main.command("pool-read-write")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("spec")
@click.option("--jobs", type=int, default=2, show_default=True)
def pool_read_write(folder: Path, out: Path, spec: str, jobs: int) -> None:
    """T4 floor: pool-read FOLDER, then write SPEC's plain text cells to OUT."""
    from multiprocessing import Pool

    import xlsxwriter

    files = sorted(str(p) for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".")))
    with Pool(jobs) as pool:
        pool.map(_read_one, files)
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    texts = [Path(f).stem for f in files] or ["-"]
    k = 0
    for i, pair in enumerate(spec.split(",")):
        cells, cols = (int(x) for x in pair.split(":"))
        ws = wb.add_worksheet(f"S{i + 1}")
        cols = max(cols, 1)
        for n in range(cells):
            ws.write_string(n // cols, n % cols, texts[k % len(texts)])
            k += 1
    wb.close()


if __name__ == "__main__":
    main()
