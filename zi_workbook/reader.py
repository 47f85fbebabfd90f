"""read_plan: a filled Lampiran II workbook in, plan rows that remember their place out."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ._layout import Header, area_of_row, area_of_sheet, find_header
from ._text import cell_lines, cell_text, norm_header
from ._xlsx import Book, CellValue, Sheet, col_letter, load_book
from .errors import NoPlanTableError
from .links import classify, split_link_cell
from .model import Plan, PlanRow
from .targets import parse_target

__all__ = ["read_plan"]

_SIGNATURE = re.compile(
    r"^(ttd\.?|mengetahui|menyetujui|ketua\b|kepala\b|sekretaris\b|pl[th]\.?\s|nip\b|"
    r"catatan\b|keterangan\s*:|salinan sesuai|ditetapkan di|dibuat oleh|disahkan)"
    r"|^[a-z][a-z .]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_PLAN_WORDS = re.compile(
    r"^(?:LAMPIRAN|MATRIKS|MATRIK|RENCANA\s+(?:AKSI|KERJA)|RENAKSI)\b", re.IGNORECASE
)
_PLAN_TAIL = re.compile(
    r"^.*?\b(?:ZONA\s+INTEGRITAS|ZI|WBK\s*/\s*WBBM|WBBM|WBK)\b(?:\s+(?:MENUJU\s+)?"
    r"(?:WBK\s*/\s*WBBM|WBBM|WBK))?(?:\s+(?:DI\s+LINGKUNGAN|PADA|DI))?\s*",
    re.IGNORECASE,
)
_YEAR_TAIL = re.compile(r"\s*(?:TAHUN(?:\s+ANGGARAN)?|TA\.?)?\s*20\d{2}\s*$", re.IGNORECASE)
_ACRONYMS = {
    "KPU",
    "RI",
    "BPS",
    "DPRD",
    "BKN",
    "BPN",
    "UPT",
    "RSUD",
    "KPP",
    "PN",
    "PA",
    "SMP",
    "SMA",
    "SMK",
    "SD",
    "BPKAD",
    "BAPPEDA",
    "DJP",
    "KUA",
    "LAPAS",
    "RUTAN",
    "BNN",
    "TNI",
    "POLRI",
    "POLRES",
    "POLSEK",
    "KKP",
    "BPJS",
    "PUPR",
    "ATR",
    "KPPN",
    "UIN",
    "IAIN",
}


@dataclass
class _Raw:
    """An action as collected from the sheet, before targets and links are read."""

    sheet: str
    row: int
    area: str | None
    texts: dict[str, str]
    link_text: str
    hyperlinks: list[str]
    target: CellValue
    target_format: str | None
    extra: dict[str, str]
    last_row: int = 0
    columns: tuple[tuple[str, str], ...] = ()
    errors: tuple[tuple[str, str], ...] = ()


def read_plan(
    path: str | Path, *, columns: Mapping[str, str] | None = None, year: int | None = None
) -> Plan:
    """Read the Rencana Aksi in ``path``: every action of every plan sheet, in order.

    ``columns`` maps a field (no, component, indicator, action, evidence, link,
    target) to a header the office uses; ``year`` overrides the plan year.
    """
    path = Path(path)
    book = load_book(path)
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
    found.keep_one_year(year)
    if not found.sheets:
        raise _no_table(path, found.seen)
    _check_mapping(path, columns or {}, found.mapped)
    plan_year = year or _guess_year(found.titles, found.sheets, found.raws)
    rows = tuple(_finish(raw, plan_year, book) for raw in found.raws)
    order = {sheet.name: i for i, sheet in enumerate(book.sheets)}
    return Plan(
        str(path),
        _sha256(path),
        plan_year,
        _guess_unit(found.titles),
        rows,
        tuple(sorted(found.sheets, key=order.__getitem__)),
        tuple(found.skipped),
    )


_GUIDE_SHEET = re.compile(
    r"petunjuk|panduan|cara\s*pengisian|instruksi|instruction|guide|contoh|example|readme",
    re.IGNORECASE,
)


@dataclass
class _Found:
    """What the plan sheets of a workbook gave so far."""

    raws: list[_Raw] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    mapped: set[str] = field(default_factory=set)
    sheet_titles: list[tuple[str, str]] = field(default_factory=list)

    def keep_one_year(self, year: int | None) -> None:
        """Plan sheets of several years (``Renaksi 2022``, ``Renaksi 2023``): keep the
        sheets of ``year``, or of the latest year; sheets naming no year stay."""
        years = {name: _sheet_year(name) for name in self.sheets}
        named = {y for y in years.values() if y is not None}
        if len(named) < 2:
            return
        chosen = year if year in named else max(named)
        dropped = {name for name, y in years.items() if y is not None and y != chosen}
        self.sheets = [name for name in self.sheets if name not in dropped]
        self.skipped.extend(sorted(dropped))
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
        self.raws.extend(_SheetScan(sheet, header).rows())


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
    digest = hashlib.sha256()
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


class _SheetScan:
    """Walks one plan sheet below its header and collects the actions."""

    def __init__(self, sheet: Sheet, header: Header) -> None:
        self.sheet = sheet
        self.header = header
        self.by_col = {col: name for name, col in header.columns.items()}
        self.letters = {name: col_letter(col) for name, col in header.columns.items()}
        self.columns = tuple(self.letters.items())  # shared by every row of the sheet
        self.first_col = min(header.names) if header.names else 1
        self.fill = _merge_fill(sheet)
        self.area = area_of_sheet(sheet.name)
        self.carry: dict[str, str] = {"no": "", "component": ""}
        self.after_break = False
        self.ended = False
        self.out: list[_Raw] = []

    def rows(self) -> list[_Raw]:
        for row in range(self.header.last_row + 1, self.sheet.max_row + 1):
            self._row(row)
        return self.out

    def _value(self, row: int, col: int) -> CellValue:
        value = self.sheet.value(row, col)
        return self.fill.get((row, col)) if value is None else value

    def _row(self, row: int) -> None:
        cells = self.sheet.cells.get(row, {})
        if not cells and not any((row, c) in self.fill for c in self.by_col):
            return
        if self._is_header_repeat(row) or _is_number_row(cells, self.first_col):
            self.after_break, self.ended = True, False
            return
        if self.ended and not self._resumes(cells):
            return
        self.ended = False
        if len(cells) <= 4:  # area rows and signature lines hold a cell or two
            own = [t for t in (cell_text(v) for _, v in sorted(cells.items())) if t]
            area = area_of_row(own)
            if area:
                self.area, self.carry = area, {"no": "", "component": ""}
                return
            if _is_signature(own):
                self.ended = True
                return
        self._data(row)

    def _resumes(self, cells: dict[int, CellValue]) -> bool:
        """After a signature-like line, a row that fills two plan columns is an action."""
        filled = sum(1 for c in self.by_col if cell_text(cells.get(c)))
        return filled >= 2

    def _is_header_repeat(self, row: int) -> bool:
        cells = self.sheet.cells.get(row, {})
        hits = 0
        for col, name in self.header.names.items():
            value = cells.get(col)
            # header names are short: skip long action text without normalising it
            if name and isinstance(value, str) and len(value) < 4 * len(name) + 8:
                hits += norm_header(value) == name
        return hits >= max(2, (len(self.header.names) + 1) // 2)  # most of the names

    def _data(self, row: int) -> None:
        texts = {
            name: cell_text(self._value(row, col))
            for col, name in self.by_col.items()
            if name not in ("link", "target")
        }
        link_col = self.header.columns.get("link")
        link_value = self._value(row, link_col) if link_col else None
        link_text = cell_lines(link_value)
        hyperlink = self._hyperlink(row, link_col) if link_col else None
        target_col = self.header.columns.get("target")
        target = self._value(row, target_col) if target_col else None
        if self._continues(texts, link_text or hyperlink, target):
            self._join(row, texts)
            return
        self.after_break = False
        if _EXAMPLE.match(texts.get("no", "")) or _EXAMPLE.match(texts.get("component", "")):
            return  # a sample row the template or the office left in ("Contoh")
        if not texts.get("indicator") and not texts.get("action"):
            self._carry(texts)
            return
        self._carry(texts)
        texts["no"], texts["component"] = self.carry["no"], self.carry["component"]
        fmt = self.sheet.formats.get((row, target_col)) if target_col else None
        extra = {name: cell_text(self._value(row, col)) for col, name in self.header.extra.items()}
        errors = tuple(
            (name, self.sheet.errors[(row, col)])
            for col, name in self.by_col.items()
            if (row, col) in self.sheet.errors
        )
        self.out.append(
            _Raw(
                self.sheet.name,
                row,
                self.area,
                texts,
                link_text,
                [hyperlink] if hyperlink else [],
                target,
                fmt,
                extra,
                row,
                self.columns,
                errors,
            )
        )

    def _hyperlink(self, row: int, col: int) -> str | None:
        link = self.sheet.links.get((row, col))
        if link is None and (row, col) in self.fill:
            origin = self.fill_origin(row, col)
            link = self.sheet.links.get(origin) if origin else None
        return link

    def fill_origin(self, row: int, col: int) -> tuple[int, int] | None:
        for r1, c1, r2, c2 in self.sheet.merges:
            if r1 <= row <= r2 and c1 <= col <= c2:
                return r1, c1
        return None

    def _carry(self, texts: dict[str, str]) -> None:
        if texts.get("component"):
            self.carry = {"no": texts.get("no", ""), "component": texts["component"]}
        elif texts.get("no"):
            self.carry["no"] = texts["no"]

    def _continues(self, texts: dict[str, str], link: object, target: CellValue) -> bool:
        """A row broken by a page break: right after a repeated header, no NO, link or
        target, and its text plainly goes on from the row above (the row above ends
        on a connective such as ``di``, or this one starts with ``telah``, ``dan``...)."""
        if not (self.after_break and self.out) or texts.get("no") or link:
            return False
        if cell_text(target):
            return False
        parts = {name: t for name, t in texts.items() if t}
        if not parts or not all(t[:1].islower() for t in parts.values()):
            return False
        above = self.out[-1].texts
        return any(
            _first_word(t) in _CONNECTIVES or _last_word(above.get(name, "")) in _CONNECTIVES
            for name, t in parts.items()
        )

    def _join(self, row: int, texts: dict[str, str]) -> None:
        last = self.out[-1]
        for name, text in texts.items():
            if text and name not in ("no", "component"):
                last.texts[name] = f"{last.texts.get(name, '')} {text}".strip()
        last.last_row = row
        self.after_break = False


_EXAMPLE = re.compile(r"^(?:contoh|example|misal)\b", re.IGNORECASE)

#: Words a sentence goes on with: a row that starts (or a row above that ends) with one
#: of these is one text broken by a page break.
_CONNECTIVES = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "serta",
        "atau",
        "untuk",
        "dengan",
        "dalam",
        "pada",
        "oleh",
        "secara",
        "melalui",
        "bagi",
        "sebagai",
        "terhadap",
        "tentang",
        "maupun",
        "sehingga",
        "agar",
        "guna",
        "telah",
        "sudah",
        "belum",
        "akan",
        "dapat",
        "harus",
        "juga",
        "adalah",
        "yaitu",
        "bahwa",
        "para",
        "kepada",
        "antara",
        "atas",
    ]
)


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].lower().strip(",.;:") if text.strip() else ""


def _last_word(text: str) -> str:
    return text.rsplit(maxsplit=1)[-1].lower().strip(",.;:") if text.strip() else ""


def _is_signature(own: list[str]) -> bool:
    """A line of the signature block or the notes: one short text (``Ttd.``, ``KETUA
    ...``, ``NIP ...``, ``Batang, 7 April 2022``), never a row of two plan texts."""
    if len(own) != 1 or len(own[0]) > 80:
        return False
    return _SIGNATURE.match(own[0]) is not None


def _merge_fill(sheet: Sheet) -> dict[tuple[int, int], CellValue]:
    """Every cell a vertical merge covers, with the value of its top cell."""
    fill: dict[tuple[int, int], CellValue] = {}
    for r1, c1, r2, _c2 in sheet.merges:
        if r2 > r1:
            value = sheet.value(r1, c1)
            for r in range(r1 + 1, r2 + 1):
                fill[(r, c1)] = value
    return fill


def _is_number_row(cells: dict[int, CellValue], first_col: int) -> bool:
    """A row of column numbers (1 2 3 ..., as numbers, text or "(1)"), each number in
    its own column: merged NO/KOMPONEN cells may hide the first ones."""
    if len(cells) < 3:
        return False
    for col, value in cells.items():
        text = cell_text(value).strip("()[]. ")
        if text != str(col - first_col + 1):
            return False
    return True


#: A regulation cited in a title (``Nomor 90 Tahun 2021``, ``PP 94/2021``) or a span of
#: years (``2020-2024``) names no plan year.
_CITATION = re.compile(
    r"\b(?:nomor|nomer|no)\.?\s*[\w./-]+\s+(?:tahun\s+)?20\d{2}\b"
    r"|\b\d+\s*/\s*20\d{2}\b|\b20\d{2}\s*[-–/]\s*20\d{2}\b",
    re.IGNORECASE,
)


def _sheet_year(name: str) -> int | None:
    years = set(_YEAR.findall(_CITATION.sub(" ", name)))
    return int(years.pop()) if len(years) == 1 else None


def _guess_year(titles: list[str], sheets: list[str], raws: list[_Raw]) -> int | None:
    """The plan's year: its title, else its sheet name, else what its targets mention."""
    for texts in (titles, sheets):
        years = [int(y) for t in texts for y in _YEAR.findall(_CITATION.sub(" ", t))]
        if years:
            return Counter(years).most_common(1)[0][0]
    found: list[int] = []
    for raw in raws:
        if isinstance(raw.target, date):
            found.append(raw.target.year)
        elif isinstance(raw.target, str):
            found.extend(int(y) for y in _YEAR.findall(raw.target))
    return Counter(found).most_common(1)[0][0] if found else None


def _guess_unit(titles: list[str]) -> str | None:
    """The office named in the title rows (``KPU KABUPATEN BATANG``), if any."""
    for title in titles:
        rest = title
        if _PLAN_WORDS.match(rest):
            tail = _PLAN_TAIL.sub("", rest, count=1)
            rest = tail if tail != rest else ""
        rest = _YEAR_TAIL.sub("", rest).strip(" ,:-")
        placeholder = (rest.startswith("[") and rest.endswith("]")) or bool(
            re.match(r"^(?:TAHUN|TA)\b", rest, re.IGNORECASE)
        )
        if (
            rest
            and any(ch.isalpha() for ch in rest)
            and not (_PLAN_WORDS.match(rest) or placeholder)
        ):
            return _smart_case(rest)
    return None


def _smart_case(text: str) -> str:
    if text != text.upper():
        return text
    return " ".join(w if w in _ACRONYMS else w.capitalize() for w in text.split())


def _finish(raw: _Raw, plan_year: int | None, book: Book) -> PlanRow:
    first_link = raw.hyperlinks[0] if raw.hyperlinks else None
    if first_link is not None and first_link.startswith("#"):
        first_link = None  # a link to a place in this workbook: its text is what counts
    candidates, words = split_link_cell(raw.link_text, first_link)
    if not candidates:  # no link at all: keep what the cell says exactly, as text
        words = cell_text(raw.link_text)
    infos = [classify(c) for c in candidates]
    target = parse_target(raw.target, plan_year, raw.target_format, date1904=book.date1904)
    t = raw.texts
    return PlanRow(
        sheet=raw.sheet,
        row=raw.row,
        area=raw.area,
        no=t.get("no", ""),
        component=t.get("component", ""),
        indicator=t.get("indicator", ""),
        action=t.get("action", ""),
        evidence=t.get("evidence", ""),
        links=tuple(i.url for i in infos if i.is_safe),
        link_candidates=tuple(candidates),
        link_text=words,
        target=target,
        extra=tuple(raw.extra.items()),
        columns=raw.columns,
        cell_errors=raw.errors,
        last_row=raw.last_row,
    )
