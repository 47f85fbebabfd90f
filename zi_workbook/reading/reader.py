"""read_plan: a filled Lampiran II workbook in, plan rows that remember their place out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _regex
from .._text import cell_text, norm_header
from ..errors import NoPlanTableError
from ..links import classify, split_link_cell
from ..model import Plan, PlanRow, ReadNote
from ..targets import parse_target
from ..xlsx.formats import open_book
from ..xlsx.workbook import Book, Sheet
from .fragments import join_text
from .layout import FIELDS, Header, find_header
from .placeholders import is_evidence_placeholder
from .scan import Raw, SheetScan
from .title import guess_unit, guess_year, sheet_year

if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:  # CPython's own SHA-256: hashlib would load OpenSSL first, ~2 ms of a cold start
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - Python 3.12+ (_sha2), other interpreters
        from hashlib import sha256

__all__ = ["RowMemo", "read_plan"]

#: Rows already finished by a read, by everything that made them but their place:
#: ``compare`` and ``validate --previous`` read two versions of one plan, whose rows are
#: mostly the same (see :func:`read_plan`'s ``memo``).
RowMemo = dict[tuple[object, ...], PlanRow]


def read_plan(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    year: int | None = None,
    unit: str | None = None,
    memo: RowMemo | None = None,
) -> Plan:
    """Read the Rencana Aksi in ``path``: every action of every plan sheet, in order.

    ``columns`` maps a field (no, component, indicator, action, evidence, link,
    target, area) to a header the office uses; ``year`` overrides the plan year and
    ``unit`` the unit read from the title. ``memo`` (a dict, empty at first) keeps each
    row made, to be taken again by a read of another version of the plan: a row whose
    cells read the same is the same row at another place.
    """
    path = Path(path)
    columns = _checked_columns(path, columns or {})
    book = open_book(path)
    found = _Found()
    plain = [s for s in book.sheets if not (_GUIDE_SHEET.search(s.name) or s.hidden)]
    last_resort = [s for s in book.sheets if _GUIDE_SHEET.search(s.name) or s.hidden]
    for sheet in plain:
        found.read(sheet, columns or {})
    for sheet in last_resort:  # instructions (an example header) or hidden old sheets
        if found.sheets:
            found.skipped.append(sheet.name)
        else:
            found.read(sheet, columns or {})
    found.keep_one_year(path, year)
    if not found.sheets:
        raise _no_table(path, found.seen)
    _check_mapping(path, columns or {}, found.mapped)
    plan_year = year or guess_year(found.titles, found.sheets, (r.target for r in found.raws))
    raws = found.raws
    notes = [*book.notes, *found.notes]
    notes.extend(ReadNote(code, raw.sheet, raw.row) for raw in raws for code in raw.notes)
    raws.reverse()  # each raw row let go once finished: they and the rows never both whole
    done = []
    if memo is None:
        while raws:
            done.append(_finish(raws.pop(), plan_year, book))
    else:
        while raws:
            done.append(_remembered(raws.pop(), plan_year, book, memo))
    rows = tuple(done)
    del done
    order = {sheet.name: i for i, sheet in enumerate(book.sheets)}
    return Plan(
        str(path),
        _sha256(path),
        plan_year,
        unit or guess_unit(found.titles),
        rows,
        tuple(sorted(found.sheets, key=order.__getitem__)),
        tuple(found.skipped),
        tuple(notes),
    )


_GUIDE_SHEET = _regex.compile(
    r"petunjuk|panduan|cara\s*pengisian|instruksi|instruction|guide|contoh|example|readme",
    re.IGNORECASE,
)


class _Found:
    """What the plan sheets of a workbook gave so far (a plain class: no dataclass to
    make at import)."""

    def __init__(self) -> None:
        self.raws: list[Raw] = []
        self.titles: list[str] = []
        self.sheets: list[str] = []
        self.skipped: list[str] = []
        self.seen: list[str] = []
        self.mapped: set[str] = set()
        self.sheet_titles: list[tuple[str, str]] = []
        self.notes: list[ReadNote] = []

    def keep_one_year(self, path: Path, year: int | None) -> None:
        """Plan sheets of several years (``Renaksi 2022``, ``Renaksi 2023``): keep the
        sheets of ``year``, or of the latest year; sheets naming no year stay. A
        ``year`` no sheet holds is refused; the sheets left out are told."""
        years = {name: sheet_year(name) for name in self.sheets}
        named = {y for y in years.values() if y is not None}
        if len(named) < 2:
            return
        if year is not None and year not in named:
            shown = ", ".join(f"'{n}'" for n, y in years.items() if y is not None)
            raise NoPlanTableError(
                path,
                f"tidak ada lembar rencana aksi tahun {year} (--year); lembar per tahun yang "
                f"ada: {shown}.",
                f"no plan sheet of the year {year} (--year); the sheets by year are: {shown}.",
            )
        chosen = year if year is not None else max(named)
        dropped = {name for name, y in years.items() if y is not None and y != chosen}
        self.sheets = [name for name in self.sheets if name not in dropped]
        self.skipped.extend(sorted(dropped))
        listed = ", ".join(f"'{n}'" for n in sorted(dropped))
        self.notes.append(
            ReadNote("sheets-left-out", params=(("year", str(chosen)), ("sheets", listed)))
        )
        self.raws = [raw for raw in self.raws if raw.sheet not in dropped]
        self.titles = [t for name, t in self.sheet_titles if name not in dropped]

    def read(self, sheet: Sheet, columns: Mapping[str, str]) -> None:
        header = find_header(sheet, columns)
        if header is None:
            self.skipped.append(sheet.name)
            self.seen.extend(_header_like(sheet))
            return
        self.mapped.update(header.names.values())
        self.sheets.append(sheet.name)
        titles = _titles(sheet, header)
        self.titles.extend(titles)
        self.sheet_titles.extend((sheet.name, t) for t in titles)
        self.raws.extend(SheetScan(sheet, header).rows())
        sheet.cells = {}  # read: let the values go (the rows hold their texts)


def _checked_columns(path: Path, columns: Mapping[str, str]) -> dict[str, str]:
    """``columns`` as the CLI takes them: a known field (case free) and a header."""
    out: dict[str, str] = {}
    for fieldname, header in columns.items():
        key = str(fieldname).strip().lower()
        if key not in FIELDS or not str(header).strip():
            raise NoPlanTableError(
                path,
                f"pemetaan kolom '{fieldname}={header}' tidak dikenal; FIELD salah satu dari "
                f"{', '.join(FIELDS)}.",
                f"column mapping '{fieldname}={header}' is not known; FIELD is one of "
                f"{', '.join(FIELDS)}.",
            )
        out[key] = str(header).strip()
    return out


def _check_mapping(path: Path, columns: Mapping[str, str], seen: set[str]) -> None:
    """A --column mapping must name a header the plan has: a typo is no silent no-op."""
    missing = [h for h in columns.values() if norm_header(h) not in seen]
    if not missing:
        return
    names = ", ".join(f"'{h}'" for h in missing)
    shown = ", ".join(sorted(n for n in seen if n)) or "-"
    raise NoPlanTableError(
        path,
        f"judul kolom {names} dari --column tidak ada di tabel rencana aksi. Judul yang ada: "
        f"{shown}.",
        f"header {names} given with --column is not in the plan table. Headers there: {shown}.",
        tuple(sorted(seen)),
    )


def _sha256(path: Path) -> str:
    digest = sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _header_like(sheet: Sheet) -> list[str]:
    out: list[str] = []
    for row in sorted(sheet.cells)[:15]:
        out.extend(cell_text(v) for v in sheet.cells[row].values() if isinstance(v, str))
    return [t for t in out if 0 < len(t) <= 40][:12]


def _no_table(path: Path, seen: list[str]) -> NoPlanTableError:
    shown = ", ".join(f"'{s}'" for s in dict.fromkeys(seen)) or "-"
    return NoPlanTableError(
        path,
        "tidak ada tabel rencana aksi: dicari baris judul kolom dengan INDIKATOR atau LANGKAH "
        f"AKSI serta BUKTI FISIK atau LINK BUKTI FISIK. Judul yang terlihat: {shown}. Jika "
        "nama kolomnya lain, petakan dengan --column, mis. --column action=uraian "
        "--column evidence=dokumen.",
        "no action-plan table: looked for a header row with INDIKATOR or LANGKAH AKSI and "
        f"BUKTI FISIK or LINK BUKTI FISIK. Headers seen: {shown}. If your columns are named "
        "otherwise, map them with --column, e.g. --column action=uraian "
        "--column evidence=dokumen.",
        tuple(dict.fromkeys(seen)),
    )


def _titles(sheet: Sheet, header: Header) -> list[str]:
    out = [
        cell_text(v) for r in sorted(sheet.cells) if r < header.row for v in sheet.cells[r].values()
    ]
    return [t for t in out if t]


def _links(raw: Raw) -> tuple[list[str], str]:
    """Link candidates and leftover words of the row's link cell and of the link cells
    of rows joined to it."""
    first = raw.hyperlinks[0] if raw.hyperlinks else None
    if not raw.more_links:  # the common case: one cell
        if first is not None and first.startswith("#"):
            first = None
        found, words = _split_cell(raw.link_text, first)
        return list(dict.fromkeys(found)), words if found else cell_text(raw.link_text)
    candidates: list[str] = []
    said: list[str] = []
    for text, link in [(raw.link_text, first), *raw.more_links]:
        if link is not None and link.startswith("#"):
            link = None  # a link to a place in this workbook: its text is what counts
        found, words = _split_cell(text, link)
        if not found:  # no link at all: keep what the cell says exactly, as text
            words = cell_text(text)
        candidates.extend(c for c in found if c not in candidates)
        if words:
            said.append(words)
    return candidates, " ".join(said)


@lru_cache(maxsize=4096)
def _split_cell(text: str, link: str | None) -> tuple[tuple[str, ...], str]:
    """``split_link_cell``, once for each text and link a plan repeats."""
    found, words = split_link_cell(text, link)
    return tuple(found), words


def _remembered(raw: Raw, plan_year: int | None, book: Book, memo: RowMemo) -> PlanRow:
    """``_finish``, or the row a read with the same ``memo`` made of the same cells (its
    place and NO aside: rows above it may have come or gone). The key holds what
    ``_finish`` reads of ``raw``, each as flat as it can be (a key is hashed twice)."""
    t, target = raw.texts, raw.target
    key = (
        raw.area,
        t.get("component", ""),
        t.get("indicator", ""),
        t.get("action", ""),
        t.get("evidence", ""),
        t.get("lke", ""),
        t.get("lke_letter", ""),
        raw.link_text,
        raw.hyperlinks[0] if raw.hyperlinks else None,
        tuple(raw.more_links) if raw.more_links else (),
        target.__class__,  # 1, 1.0 and True are equal keys, and not the same target
        target,
        raw.target_format,
        raw.target_notes,
        tuple(raw.extra.items()) if raw.extra else (),
        raw.errors,
        plan_year,
        book.date1904,
    )
    row = memo.get(key)
    if row is None or row.columns != raw.columns:  # one tuple per sheet: compared last
        row = memo[key] = _finish(raw, plan_year, book)
        return row
    no = t.get("no", "")
    same = row.row == raw.row and row.no == no and row.last_row == raw.last_row
    if same and row.sheet == raw.sheet:
        return row  # the same plan read again
    # row._replace(sheet=, row=, no=, last_row=), positionally (PlanRow's field order)
    return PlanRow(raw.sheet, raw.row, row[2], no, *row[4:14], raw.last_row, *row[15:])


def _finish(raw: Raw, plan_year: int | None, book: Book) -> PlanRow:
    candidates, words = _links(raw)
    target = parse_target(raw.target, plan_year, raw.target_format, date1904=book.date1904)
    if raw.target_notes and not target.error:
        target = target._replace(notes=join_text(target.notes, raw.target_notes))
    t = raw.texts
    evidence = t.get("evidence", "")
    return PlanRow(  # positional, in field order: made for every action
        raw.sheet,
        raw.row,
        raw.area,
        t.get("no", ""),
        t.get("component", ""),
        t.get("indicator", ""),
        t.get("action", ""),
        evidence,
        tuple([i.url for i in map(classify, candidates) if i.safety == "safe"]),
        tuple(candidates),
        words,
        target,
        tuple(raw.extra.items()),
        raw.columns,
        raw.last_row,
        raw.errors,
        is_evidence_placeholder(evidence),
        t.get("lke", ""),
        t.get("lke_letter", ""),
    )
