"""Generate benchmark inputs: one very large Rencana Aksi, or a folder of many small ones.

Importable (``make_big_plan``, ``make_plan_folder``, ``ensure_big_plan``,
``ensure_plan_folder``) and runnable::

    python bench/make_plans.py big --rows 100000          # bench/out/plan_100000_s1_v1.xlsx
    python bench/make_plans.py folder --count 500         # bench/out/plans_500_s1_v1/

Every text is drawn from the bundled sample (``samples/01_kpu_kab_batang_2022.xlsx``,
read with ``zi_workbook.read_plan``) and varied, so the plans read like real ones:

* the large plan is written with xlsxwriter ``constant_memory`` (inline strings, rows
  streamed in order): title rows, the seven-column header and its column-number row
  (repeated now and then, as at a page break), the six area rows spread through,
  components and their NO merged vertically over 2-5 rows, links as real hyperlinks
  (``write_url``) and as plain text (several per cell sometimes, placeholders too), and a
  TARGET WAKTU mix of month, week, list, period, quarter, the Excel serial 44652,
  ``segera`` and empty cells, ending with a signature block;
* the small plans are copies of the sample (70 actions) with another office in the title
  row (``KPU KABUPATEN <NAME>``) and small changes: some links or evidence dropped, some
  months moved.

Generated files are kept under ``bench/out/`` (gitignored) and reused while the
generator version, size and seed are the same.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_workbook.targets.words import MONTH_NAMES_ID
from zi_workbook.writers.template import HEADERS

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SAMPLE = ROOT / "samples" / "01_kpu_kab_batang_2022.xlsx"
VERSION = 1  # bump when the output of a generator changes

HEADER = HEADERS  # the seven columns of Lampiran II, as the template writes them
WIDTHS = (5, 18, 28, 32, 26, 42, 14)
AREA_TITLES = {
    "I": "MANAJEMEN PERUBAHAN",
    "II": "PENATAAN TATALAKSANA",
    "III": "PENATAAN SISTEM MANAJEMEN SDM",
    "IV": "PENGUATAN AKUNTABILITAS",
    "V": "PENGUATAN PENGAWASAN",
    "VI": "PENINGKATAN KUALITAS PELAYANAN PUBLIK",
}
#: Regencies and cities (a unit is ``KPU KABUPATEN <NAME>`` or ``KPU KOTA <NAME>``).
REGENCIES = (
    "BATANG",
    "KENDAL",
    "PEKALONGAN",
    "PEMALANG",
    "TEGAL",
    "BREBES",
    "SEMARANG",
    "DEMAK",
    "KUDUS",
    "JEPARA",
    "PATI",
    "REMBANG",
    "BLORA",
    "GROBOGAN",
    "BOYOLALI",
    "KLATEN",
    "SUKOHARJO",
    "WONOGIRI",
    "KARANGANYAR",
    "SRAGEN",
    "MAGELANG",
    "TEMANGGUNG",
    "WONOSOBO",
    "PURWOREJO",
    "KEBUMEN",
    "BANJARNEGARA",
    "PURBALINGGA",
    "BANYUMAS",
    "CILACAP",
    "BANTUL",
    "SLEMAN",
    "KULON PROGO",
    "GUNUNGKIDUL",
    "BOGOR",
    "SUKABUMI",
    "CIANJUR",
    "BANDUNG",
    "GARUT",
    "TASIKMALAYA",
    "CIAMIS",
    "KUNINGAN",
    "CIREBON",
    "MAJALENGKA",
    "SUMEDANG",
    "INDRAMAYU",
    "SUBANG",
    "PURWAKARTA",
    "KARAWANG",
    "BEKASI",
    "PANGANDARAN",
    "PACITAN",
    "PONOROGO",
    "TRENGGALEK",
    "TULUNGAGUNG",
    "BLITAR",
    "KEDIRI",
    "MALANG",
    "LUMAJANG",
    "JEMBER",
    "BANYUWANGI",
    "BONDOWOSO",
    "SITUBONDO",
    "PROBOLINGGO",
    "PASURUAN",
    "SIDOARJO",
    "MOJOKERTO",
    "JOMBANG",
    "NGANJUK",
    "MADIUN",
    "MAGETAN",
    "NGAWI",
    "BOJONEGORO",
    "TUBAN",
    "LAMONGAN",
    "GRESIK",
    "BANGKALAN",
    "SAMPANG",
    "PAMEKASAN",
    "SUMENEP",
    "LEBAK",
    "PANDEGLANG",
    "SERANG",
    "TANGERANG",
    "BADUNG",
    "GIANYAR",
    "TABANAN",
    "BULELENG",
    "JEMBRANA",
    "KLUNGKUNG",
    "BANGLI",
    "KARANGASEM",
    "LOMBOK BARAT",
    "LOMBOK TENGAH",
    "LOMBOK TIMUR",
    "SUMBAWA",
    "DOMPU",
    "BIMA",
    "KUPANG",
    "BELU",
    "SIKKA",
    "ENDE",
    "MANGGARAI",
    "GOWA",
    "MAROS",
    "BONE",
    "WAJO",
    "SOPPENG",
    "PINRANG",
    "SIDRAP",
    "LUWU",
    "TAKALAR",
    "JENEPONTO",
    "BANTAENG",
    "BULUKUMBA",
    "SINJAI",
    "SELAYAR",
    "MINAHASA",
    "BOLAANG MONGONDOW",
    "POSO",
    "DONGGALA",
    "BANGGAI",
    "KOLAKA",
    "KONAWE",
    "MUNA",
    "BUTON",
    "BANJAR",
    "TAPIN",
    "TABALONG",
    "BALANGAN",
    "KOTABARU",
    "PASER",
    "BERAU",
    "KUTAI KARTANEGARA",
    "SAMBAS",
    "KETAPANG",
    "SANGGAU",
    "SINTANG",
    "KAPUAS",
    "KOTAWARINGIN BARAT",
    "AGAM",
    "TANAH DATAR",
    "PADANG PARIAMAN",
    "PASAMAN",
    "SOLOK",
    "DHARMASRAYA",
    "KAMPAR",
    "BENGKALIS",
    "SIAK",
    "PELALAWAN",
    "INDRAGIRI HILIR",
    "ROKAN HULU",
    "DELI SERDANG",
    "LANGKAT",
    "KARO",
    "ASAHAN",
    "SIMALUNGUN",
    "DAIRI",
    "TAPANULI UTARA",
    "NIAS",
    "ACEH BESAR",
    "PIDIE",
    "BIREUEN",
    "LAMPUNG SELATAN",
    "LAMPUNG TENGAH",
    "TANGGAMUS",
    "PRINGSEWU",
    "MUARA ENIM",
    "LAHAT",
    "OGAN ILIR",
    "BANYUASIN",
    "MUSI BANYUASIN",
    "KERINCI",
    "MERANGIN",
    "BUNGO",
    "TEBO",
    "REJANG LEBONG",
    "KAUR",
    "BELITUNG",
    "BANGKA",
    "BINTAN",
    "KARIMUN",
    "NATUNA",
    "JAYAPURA",
    "MERAUKE",
    "BIAK NUMFOR",
    "SORONG",
    "MANOKWARI",
    "FAKFAK",
    "HALMAHERA BARAT",
    "SERAM",
    "BURU",
    "BOALEMO",
    "POHUWATO",
    "MAMUJU",
    "POLEWALI MANDAR",
    "MAJENE",
)
#: TARGET WAKTU values by weight: mostly readable, some refused, some empty.
TARGETS: tuple[tuple[object, int], ...] = (
    ("April 2022", 12),
    ("Minggu ke-2 Mei 2022", 8),
    ("Juni, Desember 2022", 8),
    ("Per-bulan (Januari-Desember)", 6),
    ("Triwulan II 2022", 5),
    (44652, 3),
    ("segera", 2),
    ("", 3),
    ("Januari-Desember 2022", 8),
    ("Maret, Juni, September, Desember 2022", 5),
    ("Minggu ke-1 April 2022", 5),
    ("Februari 2022", 5),
    ("Juli 2022", 5),
    ("Oktober 2022", 4),
    ("Januari – Desember 2022", 3),
    ("Januari-Juni 2022 dan Juli-Desember 2022", 2),
    ("Agustus, November 2022", 3),
    ("Minggu ke-3 September 2022", 3),
)
SUFFIXES = (
    "",
    "",
    "",
    " tahun 2022",
    " secara berkala",
    " bagi seluruh pegawai",
    " melalui rapat koordinasi",
    " sesuai SOP yang berlaku",
    " di lingkungan Sekretariat",
    " dan dilaporkan kepada pimpinan",
    " setiap triwulan",
    " (semester I dan II)",
    " melalui website dan media sosial",
    " serta didokumentasikan",
)
PLACEHOLDERS = ("menyusul", "-", "dalam proses", "Link menyusul", "belum ada", "TBA")
SIGNATURE = (
    "{place}, 31 Maret 2022",
    "KETUA KOMISI PEMILIHAN UMUM",
    "KABUPATEN {name},",
    "Ttd.",
    "NAMA KETUA",
)
_WORD = re.compile(r"[A-Za-z]+")
_URL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_MAX_URLS = 65_000  # xlsxwriter (and Excel) stop at 65,530 hyperlinks per worksheet


@dataclass(frozen=True)
class Texts:
    """The sample's texts, one pool per column."""

    components: tuple[str, ...]
    indicators: tuple[str, ...]
    actions: tuple[str, ...]
    evidence: tuple[str, ...]
    slugs: tuple[str, ...]  # bit.ly slugs of the sample's links, for realistic urls


def sample_texts(sample: Path = SAMPLE) -> Texts:
    """Pools of texts read from the bundled sample with ``zi_workbook.read_plan``."""
    from zi_workbook import read_plan

    plan = read_plan(sample)

    def pool(values: Any) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v for v in values if v))

    slugs = pool(u.rsplit("/", 1)[-1] for r in plan.rows for u in r.links if "bit.ly/" in u)
    return Texts(
        pool(r.component for r in plan.rows),
        pool(r.indicator for r in plan.rows),
        pool(r.action for r in plan.rows),
        pool(r.evidence for r in plan.rows),
        slugs or ("BuktiDukungZI",),
    )


def unit_name(index: int) -> str:
    """``KPU KABUPATEN <NAME>`` (or ``KPU KOTA``), unique per index."""
    name = REGENCIES[index % len(REGENCIES)]
    kind = "KABUPATEN" if (index // len(REGENCIES)) % 2 == 0 else "KOTA"
    lap = index // (2 * len(REGENCIES))
    return f"KPU {kind} {name}" + (f" {lap + 1}" if lap else "")


def _slug(name: str) -> str:
    return "-".join(w.lower() for w in _WORD.findall(name))


def _camel(name: str) -> str:
    return "".join(w.capitalize() for w in _WORD.findall(name))


class _Gen:
    """Random but reproducible choices for one plan."""

    def __init__(self, texts: Texts, seed: int, place: str) -> None:
        self.t = texts
        self.rng = random.Random(seed)
        self.place = place  # ``Batang``, to swap into the sample's texts
        self.slug = _slug(place)
        self.targets = [t for t, _ in TARGETS]
        self.weights = [w for _, w in TARGETS]
        self.last_url = ""

    def text(self, pool: tuple[str, ...]) -> str:
        base = self.rng.choice(pool).replace("Batang", self.place)
        return base + self.rng.choice(SUFFIXES)

    def target(self) -> object:
        return self.rng.choices(self.targets, self.weights)[0]

    def url(self, row: int) -> str:
        rng = self.rng
        if self.last_url and rng.random() < 0.02:  # a document shared by two actions
            return self.last_url
        pick = rng.random()
        if pick < 0.45:
            url = f"https://bit.ly/{rng.choice(self.t.slugs)}{row}"
        elif pick < 0.75:
            ident = "".join(rng.choices(_URL_CHARS, k=33))
            url = f"https://drive.google.com/drive/folders/{ident}"
        elif pick < 0.9:
            url = f"https://kab-{self.slug}.kpu.go.id/berita/{row}/bukti-dukung-zi"
        else:
            ident = "".join(rng.choices(_URL_CHARS, k=44))
            url = f"https://docs.google.com/spreadsheets/d/{ident}/edit"
        self.last_url = url
        return url

    def link_cell(self, row: int) -> tuple[str, str]:
        """(kind, text): kind is ``url`` (a real hyperlink) or ``text``."""
        pick = self.rng.random()
        if pick < 0.45:
            return "url", self.url(row)
        if pick < 0.75:
            return "text", self.url(row)
        if pick < 0.87:
            urls = [self.url(row * 10 + i) for i in range(self.rng.randint(2, 4))]
            if self.rng.random() < 0.5:
                return "text", " ".join(f"{i}. {u}" for i, u in enumerate(urls, 1))
            return "text", "\n".join(urls)
        if pick < 0.94:
            return "text", ""
        return "text", self.rng.choice(PLACEHOLDERS)


def _row_height(texts: list[str]) -> float:
    lines = 1
    for text, width in zip(texts, WIDTHS, strict=True):
        for part in text.split("\n"):
            lines = max(lines, -(-len(part) // max(width - 2, 4)))
    return min(12.75 * lines + 2, 409.0)


def _formats(wb: Any) -> dict[str, Any]:
    base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
    cell = {**base, "border": 1, "text_wrap": True}
    return {
        "title": wb.add_format({**base, "bold": True, "font_size": 12, "align": "center"}),
        "header": wb.add_format(
            {**cell, "bold": True, "bg_color": "#D9D9D9", "align": "center", "valign": "vcenter"}
        ),
        "area": wb.add_format({**cell, "bold": True}),
        "cell": wb.add_format(cell),
        "number": wb.add_format({**cell, "align": "center"}),
        "link": wb.add_format({**cell, "font_color": "#0563C1", "underline": 1}),
        "plain": wb.add_format({**base, "align": "center"}),
    }


def make_big_plan(
    path: Path,
    rows: int = 100_000,
    *,
    seed: int = 1,
    unit: str = "KPU KABUPATEN BATANG",
    header_every: int = 500,
    texts: Texts | None = None,
) -> Path:
    """Write a plan of ``rows`` actions to ``path`` (xlsxwriter, constant_memory)."""
    import xlsxwriter

    texts = texts or sample_texts()
    place = unit.split(" ", 2)[-1].title()
    gen = _Gen(texts, seed, place)
    rng = gen.rng
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    fmt = _formats(wb)
    ws = wb.add_worksheet("Lampiran II")
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    ws.merge_range(0, 0, 0, 6, "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS", fmt["title"])
    ws.merge_range(1, 0, 1, 6, unit, fmt["title"])
    r = 3

    def header(at: int) -> int:
        for col, name in enumerate(HEADER):
            ws.write_string(at, col, name, fmt["header"])
        for col in range(7):
            ws.write_number(at + 1, col, col + 1, fmt["header"])
        return at + 2

    r = header(r)
    area_at = {(i * rows) // 6: numeral for i, numeral in enumerate(AREA_TITLES)}
    written = 0
    urls = 0
    number = 0
    since_header = 0
    while written < rows:
        size = 1 if rng.random() < 0.3 else rng.randint(2, 5)
        size = min(size, rows - written)
        crossed = [k for k in area_at if written <= k < written + size]
        if crossed:  # an area row starts here (areas fall on group boundaries)
            numeral = area_at.pop(crossed[0])
            ws.write_string(r, 0, numeral, fmt["area"])
            ws.merge_range(r, 1, r, 6, AREA_TITLES[numeral], fmt["area"])
            r += 1
            number = 0
        elif header_every and since_header >= header_every:
            r = header(r)
            since_header = 0
        number += 1
        component = gen.text(texts.components)
        if size > 1:
            # Vertical merges must be recorded while the first row is current, but
            # merge_range() would stream its blank cells ahead of the rows still to be
            # written (constant_memory), so record the range and write the blanks
            # row by row, exactly as merge_range() lays them out.
            ws.merge.append([r, 0, r + size - 1, 0])
            ws.merge.append([r, 1, r + size - 1, 1])
        for k in range(size):
            cells = [
                str(number) if k == 0 else "",
                component if k == 0 else "",
                gen.text(texts.indicators),
                gen.text(texts.actions),
                "" if rng.random() < 0.05 else gen.text(texts.evidence),
            ]
            kind, link = gen.link_cell(written + k + 1)
            target = gen.target()
            ws.set_row(r, _row_height([*cells, link, str(target)]))
            if k == 0:
                ws.write_number(r, 0, number, fmt["number"])
                ws.write_string(r, 1, component, fmt["cell"])
            else:
                ws.write_blank(r, 0, None, fmt["number"])
                ws.write_blank(r, 1, None, fmt["cell"])
            for col in (2, 3, 4):
                if cells[col]:
                    ws.write_string(r, col, cells[col], fmt["cell"])
                else:
                    ws.write_blank(r, col, None, fmt["cell"])
            if kind == "url" and urls < _MAX_URLS:
                ws.write_url(r, 5, link, fmt["link"], string=link)
                urls += 1
            elif link:
                ws.write_string(r, 5, link, fmt["cell"])
            else:
                ws.write_blank(r, 5, None, fmt["cell"])
            if isinstance(target, int):
                ws.write_number(r, 6, target, fmt["cell"])
            elif target:
                ws.write_string(r, 6, str(target), fmt["cell"])
            else:
                ws.write_blank(r, 6, None, fmt["cell"])
            r += 1
        written += size
        since_header += size
    r += 1
    name = unit.split(" ", 2)[-1]
    for line in SIGNATURE:
        ws.write_string(r, 5, line.format(place=place, name=name), fmt["plain"])
        r += 1
    ws.set_landscape()
    ws.repeat_rows(3)
    wb.close()
    return path


@dataclass
class _SampleGrid:
    """The sample sheet as cells, hyperlinks and merges (all 0-based)."""

    cells: list[list[Any]]
    links: dict[tuple[int, int], str]
    merges: list[tuple[int, int, int, int]]
    heights: dict[int, float]


def _sample_grid(sample: Path = SAMPLE) -> _SampleGrid:
    from python_calamine import CalamineWorkbook

    from zi_workbook.xlsx.workbook import load_book

    book = CalamineWorkbook.from_path(str(sample))
    cells = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    sheet = load_book(sample).sheets[0]
    links = {(r - 1, c - 1): url for (r, c), url in sheet.links.items()}
    merges = [(r1 - 1, c1 - 1, r2 - 1, c2 - 1) for r1, c1, r2, c2 in sheet.merges]
    heights = {}
    for i, row in enumerate(cells):
        texts = [str(v) for v in row[:7]] + [""] * (7 - len(row[:7]))
        heights[i] = _row_height(texts)
    return _SampleGrid(cells, links, merges, heights)


def _swap_place(text: str, name: str) -> str:
    camel = _camel(name)
    return (
        text.replace("BATANG", name)
        .replace("Batang", name.title())
        .replace("KabBatang", "Kab" + camel)
        .replace("kabBatang", "kab" + camel)
        .replace("kab-batang", "kab-" + _slug(name))
    )


_NUMBERS = [float(n) for n in range(1, 8)]
_MONTHS = MONTH_NAMES_ID


def make_small_plan(path: Path, index: int, *, seed: int = 1, grid: Any = None) -> Path:
    """A copy of the sample (70 actions) for office ``index``, with small variations."""
    import xlsxwriter

    grid = grid or _sample_grid()
    unit = unit_name(index)
    name = unit.split(" ", 2)[-1]
    rng = random.Random(seed * 1_000_003 + index)
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    fmt = _formats(wb)
    ws = wb.add_worksheet("Lampiran II")
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    covered = {
        (r, c)
        for r1, c1, r2, c2 in grid.merges
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
        if (r, c) != (r1, c1)
    }
    tops = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in grid.merges}
    for r, row in enumerate(grid.cells):
        ws.set_row(r, grid.heights[r])
        # an action row: not a continuation (no target), not a column-number row
        is_action = r > 4 and len(row) > 6 and row[6] != "" and row[:7] != _NUMBERS
        drop_link = is_action and rng.random() < 0.08
        drop_evidence = is_action and rng.random() < 0.04
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            style = fmt["title"] if r < 2 else fmt["header"] if r in (3, 4) else fmt["cell"]
            if isinstance(value, str):
                value = _swap_place(value, name)
                if r == 1 and c == 0:
                    value = unit
                if c == 6 and is_action and rng.random() < 0.15:
                    month = rng.choice(_MONTHS)
                    value = re.sub("|".join(_MONTHS), month, value, count=1)
            if (c == 5 and drop_link) or (c == 4 and drop_evidence):
                value = ""
            if (r, c) in tops:
                r2, c2 = tops[(r, c)]
                ws.merge_range(r, c, r2, c2, value, style)
            elif (r, c) in grid.links and value != "":
                ws.write_url(
                    r, c, _swap_place(grid.links[(r, c)], name), fmt["link"], string=str(value)
                )
            elif isinstance(value, float):
                ws.write_number(r, c, int(value) if value.is_integer() else value, style)
            elif value != "":
                ws.write_string(r, c, str(value), style)
    wb.close()
    return path


def make_plan_folder(folder: Path, count: int = 500, *, seed: int = 1) -> list[Path]:
    """``count`` small plans (one office each) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    grid = _sample_grid()
    out = []
    for i in range(count):
        name = _slug(unit_name(i).removeprefix("KPU "))
        out.append(
            make_small_plan(folder / f"{i + 1:04d}_kpu_{name}.xlsx", i, seed=seed, grid=grid)
        )
    return out


def big_plan_path(rows: int, seed: int = 1) -> Path:
    return OUT / f"plan_{rows}_s{seed}_v{VERSION}.xlsx"


def ensure_big_plan(rows: int = 100_000, seed: int = 1, quiet: bool = False) -> Path:
    """The large plan of ``rows`` actions, generated on first use."""
    path = big_plan_path(rows, seed)
    if not path.exists():
        start = time.perf_counter()
        tmp = path.with_suffix(".tmp.xlsx")
        make_big_plan(tmp, rows, seed=seed)
        tmp.replace(path)
        if not quiet:
            print(
                f"   generated {path.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr
            )
    return path


def ensure_plan_folder(count: int = 500, seed: int = 1, quiet: bool = False) -> Path:
    """A folder of ``count`` small plans, generated on first use."""
    folder = OUT / f"plans_{count}_s{seed}_v{VERSION}"
    done = folder / ".complete"
    if not done.exists():
        start = time.perf_counter()
        make_plan_folder(folder, count, seed=seed)
        done.write_text("ok\n")
        if not quiet:
            print(
                f"   generated {count} plans in {folder.name} in "
                f"{time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="what", required=True)
    big = sub.add_parser("big", help="one large plan")
    big.add_argument("--rows", type=int, default=100_000)
    big.add_argument("--seed", type=int, default=1)
    big.add_argument("--out", type=Path, help="file (default bench/out/plan_<rows>_...xlsx)")
    folder = sub.add_parser("folder", help="a folder of small plans")
    folder.add_argument("--count", type=int, default=500)
    folder.add_argument("--seed", type=int, default=1)
    folder.add_argument("--out", type=Path, help="folder (default bench/out/plans_<count>_...)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.what == "big":
        path = (
            make_big_plan(args.out, args.rows, seed=args.seed)
            if args.out
            else ensure_big_plan(args.rows, args.seed, quiet=True)
        )
        print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB)")
    else:
        if args.out:
            make_plan_folder(args.out, args.count, seed=args.seed)
            target = args.out
        else:
            target = ensure_plan_folder(args.count, args.seed, quiet=True)
        print(f"{target} ({args.count} plans)")
    print(f"{time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
