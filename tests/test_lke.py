"""The LKE as data, codes as offices write them, and the question each action maps to."""

from __future__ import annotations

import json
import marshal
from collections import Counter
from pathlib import Path

import pytest
from lke_expected import SAMPLE

from zi_workbook import read_plan
from zi_workbook.lke import data, worksheet
from zi_workbook.lke.codes import normalise, read_code
from zi_workbook.lke.data import DATA_FILE, TABLES_FILE, load
from zi_workbook.lke.index import build as build_index
from zi_workbook.lke.index import content
from zi_workbook.lke.plan import map_row
from zi_workbook.lke.words import _PHRASES, stem, terms

LKE_DIR = Path(__file__).resolve().parent.parent / "zi_workbook" / "lke"
SAMPLE_FILE = Path(__file__).resolve().parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx"


def test_the_worksheet_has_its_published_shape() -> None:
    lke = load()
    pengungkit = lke.pengungkit_questions
    assert Counter(q.part for q in pengungkit) == {"pemenuhan": 87, "reform": 23}
    assert len(lke.sub_areas) == 42
    assert {n: a.weight for n, a in lke.areas.items()} == {
        "I": 8, "II": 7, "III": 10, "IV": 10, "V": 15, "VI": 10,
    }  # fmt: skip
    assert sum(a.weight for a in lke.areas.values()) == lke.pengungkit == 60
    assert lke.hasil == 40
    for area in lke.areas.values():
        for part, weight in (("pemenuhan", area.weight_pemenuhan), ("reform", area.weight_reform)):
            subs = [lke.sub_areas[s] for s in area.sub_areas if lke.sub_areas[s].part == part]
            assert sum(s.weight for s in subs) == pytest.approx(weight)
            assert all(s.questions for s in subs)
    wbk, wbbm = lke.thresholds["WBK"], lke.thresholds["WBBM"]
    assert (wbk.total_min, wbk.pengungkit_min, wbk.area_min_pct) == (75, 40, 60)
    assert (wbbm.total_min, wbbm.pengungkit_min, wbbm.area_min_pct) == (85, 48, 75)
    assert wbk.area_min(15) == 9
    assert "90/2021" in lke.regulation
    assert worksheet.raw()["sources"]


def test_questions_know_their_area_part_and_evidence() -> None:
    q = load().questions["A.1.I.i.a"]
    assert (q.area, q.part, q.sub_area, q.letter) == ("I", "pemenuhan", "A.1.I.i", "a")
    assert q.text.startswith("Unit kerja telah membentuk tim")
    assert any("SK Tim" in e for e in worksheet.detail(q.code).evidence)
    assert load().questions["B.II.a"].part == "hasil"


def test_findings_quote_a_question_on_one_line_and_cut_at_90_characters() -> None:
    assert worksheet.quote("Unit kerja  telah\nmembentuk tim ") == "Unit kerja telah membentuk tim"
    long = "kata " * 40
    assert worksheet.quote(long) == "kata " * 17 + "kata…"
    assert len(worksheet.quote(long)) == 90
    lke = load()
    assert all(q.short == worksheet.quote(q.text) for q in lke.questions.values())
    assert sum(q.short != q.text for q in lke.questions.values()) > 10  # some are long


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A.1.I.i.a", "A.1.I.i.a"),
        ("A.1.I.i.a.", "A.1.I.i.a"),
        ("a.1.i.i.a", "A.1.I.i.a"),
        ("A. 1. I. ii. b", "A.1.I.ii.b"),
        ("A.1.I.i.", "A.1.I.i"),
        ("A.2.V.iii", "A.2.V.iii"),
        ("I.i.a", "A.1.I.i.a"),
        ("1.i.a", "A.1.I.i.a"),
        ("6.iv.c.", "A.1.VI.iv.c"),
        ("VI.iv.c", "A.1.VI.iv.c"),
        ("B.I.b", "B.I.b"),
        ("1.ii", "A.1.I.ii"),
        ("1", None),
        ("4.", None),
        ("a.", None),
        ("1.1.a", None),
        ("Tim Kerja", None),
        ("", None),
    ],
)
def test_code_forms_offices_write(text: str, expected: str | None) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A.1.I.i. Penyusunan Tim Kerja", "A.1.I.i"),
        ("A.1.I.i.a Unit kerja membentuk tim", "A.1.I.i.a"),
        ("I.i.a: Tim kerja", "A.1.I.i.a"),
        ("1.i Tim kerja", None),
        ("I. Manajemen Perubahan", None),
        ("Tim Kerja", None),
    ],
)
def test_a_code_may_open_a_komponen_cell(text: str, expected: str | None) -> None:
    assert normalise(text, leading=True) == expected


def test_read_code_joins_a_sub_area_and_the_next_cell_letter() -> None:
    lke = load()
    read = read_code(lke, "A.1.I.i.", letter="b")
    assert read is not None
    assert (read.code, read.kind) == ("A.1.I.i.b", "question")
    assert read_code(lke, "-") is None
    unknown = read_code(lke, "A.1.I.v.a")
    assert unknown is not None
    assert unknown.kind == "unknown"
    garbage = read_code(lke, "lihat di atas")
    assert garbage is not None
    assert garbage.kind == "unknown"
    assert read_code(lke, "lihat di atas", strict=False) is None


def test_words_mend_office_spelling_and_abbreviations() -> None:
    assert terms("Prosedur Operasional Tetap (SOP) telah dievaluasi") == terms(
        "SOP telah di-evaluasi"
    )
    assert terms("pembangunan ZI menuju WBK/WBBM") == terms("Pembangunan Zona Integritas WBK")
    assert terms("penilaian resiko") == terms("Penilaian Risiko")
    assert terms("pengaduan masyarakat dtindaklanjuti") == terms(
        "Pengaduan masyarakat telah ditindaklanjuti"
    )
    assert {stem(w) for w in ("penyusunan", "disusun", "menyusun")} == {"susun"}


def test_words_with_and_without_phrases_give_the_same_terms() -> None:
    # a text with no phrase takes the one-word path; the same words beside a phrase the other
    plain = terms("Penyusunan SOP pengaduan masyarakat")
    assert plain == {"susun", "sop", "aduan", "masyarakat"}
    assert terms("Penyusunan SOP pengaduan masyarakat zona integritas") == plain | {"zi"}
    assert terms("Rencana kegiatan") == {"rencana", "giat"}  # a phrase's first word alone
    assert terms("dan yang di") == set()
    for phrase, term in _PHRASES.items():
        assert terms(f"({phrase.upper()})") == {term}, phrase


def test_the_generated_file_is_what_the_worksheet_and_the_words_give_today() -> None:
    # stale after an edit of lke_2026.json, data.py, worksheet.py, words.py, match.py or
    # index.py:
    # python samples/build_lke_data.py --index
    raw = json.loads((LKE_DIR / DATA_FILE).read_text(encoding="utf-8"))
    shipped = marshal.loads((LKE_DIR / TABLES_FILE).read_bytes())
    assert shipped == content(raw)
    assert shipped == data.tables()
    areas = build_index(load())["areas"]
    assert [c for a in areas.values() for c in a[0]] == [
        q.code for a in load().areas for q in load().area_questions(a)
    ]
    first = load().questions[areas["I"][0][0]]
    assert {t for t, at in areas["I"][2].items() if 0 in at} == terms(first.text)


def test_the_core_file_gives_the_worksheet_as_the_worksheet_file_does() -> None:
    raw = json.loads((LKE_DIR / DATA_FILE).read_text(encoding="utf-8"))
    lke = data.parse(worksheet.core(raw))
    assert lke == load()
    assert list(lke.questions) == [q["code"] for q in raw["questions"]]
    assert worksheet.raw() == raw  # read on first use, as the details of a question
    q = lke.questions["A.1.V.iv.c"]
    detail = next(d for d in raw["questions"] if d["code"] == q.code)
    got = worksheet.detail(q.code)
    assert (q.text, got.answer_type, got.criteria, got.sheet_row) == (
        detail["text"],
        detail["answer_type"],
        detail["criteria"],
        detail["sheet_row"],
    )
    assert got.evidence == tuple(detail["evidence"])
    assert got.inputs == tuple(detail.get("inputs", ()))


def test_the_worksheet_loads_without_its_generated_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a package missing its tables file, or with one of another schema or damaged, still
    # maps, from lke_2026.json alone
    from zi_workbook.lke import match

    damaged = tmp_path / "damaged.marshal"
    damaged.write_bytes((LKE_DIR / TABLES_FILE).read_bytes()[:-100])
    other = tmp_path / "other.marshal"
    other.write_bytes(marshal.dumps({**data.tables(), "schema": "zi-workbook/lke-tables/0"}))
    for name in ("missing.marshal", str(damaged), str(other)):
        monkeypatch.setattr(data, "TABLES_FILE", name)
        data.load.cache_clear()
        data.tables.cache_clear()
        try:
            assert data.tables() == {}
            lke = load()
            assert lke == data.parse(worksheet.core(worksheet.raw()))
            m = match.Matcher(lke)
            top = m.rank("V", "", "Whistle Blowing System telah diterapkan", "")
            assert top[0][1] == "A.1.V.iv.a"
        finally:
            data.load.cache_clear()
            data.tables.cache_clear()


def test_sample_actions_map_to_the_hand_checked_questions() -> None:
    expected = {row: code for row, code, _ in SAMPLE}
    plan = read_plan(SAMPLE_FILE)
    assert len(plan.rows) == len(SAMPLE) == 70
    got = {
        r.row: map_row(
            area=r.area, no=r.no, component=r.component, indicator=r.indicator,
            action=r.action, evidence=r.evidence,
        )
        for r in plan.rows
    }  # fmt: skip
    assert set(got) == set(expected)
    right = sum(got[row].code == code for row, code in expected.items())
    right_sub = sum(got[row].sub_area == code.rsplit(".", 1)[0] for row, code in expected.items())
    assert right / 70 >= 0.90, right
    assert right_sub / 70 >= 0.97, right_sub
    for m in got.values():
        assert m.source == "suggested"
        assert m.score is not None
        assert 0 < m.score <= 1
        assert len(m.alternatives) == 2
        assert m.code not in m.alternatives


@pytest.mark.parametrize(
    ("cells", "code", "source"),
    [
        ({"code_cell": "A.1.V.iv.c"}, "A.1.V.iv.c", "column"),
        ({"code_cell": "5.iv.c."}, "A.1.V.iv.c", "column"),
        ({"code_cell": "A.1.V.iv.", "letter_cell": "c"}, "A.1.V.iv.c", "column"),
        ({"no": "V.iv.c"}, "A.1.V.iv.c", "column"),
        ({"no": "A.1.V.iv.", "letter_cell": "c"}, "A.1.V.iv.c", "column"),
        ({"component": "A.1.V.iv.c Tindak lanjut WBS"}, "A.1.V.iv.c", "column"),
        ({"code_cell": "A.2.V.iii.a", "no": "A.1.V.iv.c"}, "A.2.V.iii.a", "column"),
        ({"code_cell": "B.I.b"}, "B.I.b", "column"),
    ],
)
def test_an_explicit_code_wins_over_the_words(
    cells: dict[str, str], code: str, source: str
) -> None:
    text = "Sosialisasi benturan kepentingan kepada seluruh pegawai"
    m = map_row(area="V", indicator=text, action=text, **cells)
    assert (m.code, m.source, m.bad) == (code, source, None)
    assert m.sub_area == code.rsplit(".", 1)[0]


def test_a_sub_area_code_narrows_the_suggestion() -> None:
    m = map_row(
        area="I", component="A.1.V.iii Pengaduan", indicator="Hasil evaluasi ditindaklanjuti"
    )
    assert (m.code, m.sub_area, m.source) == ("A.1.V.iii.d", "A.1.V.iii", "suggested")
    single = map_row(area="III", component="A.1.III.vi. Sistem Informasi")
    assert (single.code, single.sub_area) == ("A.1.III.vi.a", "A.1.III.vi")


@pytest.mark.parametrize(
    ("cells", "field", "written"),
    [
        ({"code_cell": "A.1.I.v.a"}, "lke", "A.1.I.v.a"),
        ({"code_cell": "lihat atas"}, "lke", "lihat atas"),
        ({"code_cell": "7.i.a"}, "lke", "7.i.a"),
        ({"no": "A.1.I.iv.z"}, "no", "A.1.I.iv.z"),
        ({"component": "A.1.II.ix. Lainnya"}, "component", "A.1.II.ix"),
    ],
)
def test_a_code_that_names_nothing_is_reported_and_the_words_decide(
    cells: dict[str, str], field: str, written: str
) -> None:
    m = map_row(area="I", indicator="Telah ditetapkan agen perubahan", **cells)
    assert m.bad == (field, written)
    assert (m.code, m.source) == ("A.1.I.iv.b", "suggested")


def test_a_row_with_no_lke_words_is_left_unmapped() -> None:
    m = map_row(area="II", indicator="Belum menggunakan", action="Rapat koordinasi bulanan")
    assert (m.code, m.sub_area, m.source, m.score) == (None, None, None, None)
    assert m.to_dict() == {
        "code": None, "sub_area": None, "source": None, "score": None,
        "alternatives": list(m.alternatives),
    }  # fmt: skip


def test_a_row_above_any_area_is_matched_against_every_area() -> None:
    m = map_row(area=None, indicator="Whistle Blowing System telah diterapkan")
    assert m.code == "A.1.V.iv.a"


def test_a_row_ranked_again_is_ranked_as_on_first_sight() -> None:
    # the matcher keeps each row's ranking: a row met again (the page checking a plan a
    # second time) gets it back, and the same words in another area, sub-area or length
    # are ranked there, as a matcher that never met them ranks them
    from zi_workbook.lke import match

    plan = read_plan(SAMPLE_FILE)
    shared = match.Matcher(load())
    asks = [
        (area, r.component, r.indicator, f"{r.action}\n{r.evidence}", sub, keep)
        for r in plan.rows[:20]
        for area, sub, keep in ((r.area, None, 3), ("II", None, 3), (r.area, None, 1),
                                ("V", "A.1.V.iv", 3), (None, None, 3))
    ]  # fmt: skip
    first = [shared.rank(a, c, i, t, sub_area=s, keep=k) for a, c, i, t, s, k in asks]
    again = [shared.rank(a, c, i, t, sub_area=s, keep=k) for a, c, i, t, s, k in asks]
    fresh = [
        match.Matcher(load()).rank(a, c, i, t, sub_area=s, keep=k) for a, c, i, t, s, k in asks
    ]
    assert first == again == fresh
    assert len({tuple(r) for r in first}) > len(asks) // 3  # the asks rank differently
    shared.clear()
    assert [shared.rank(a, c, i, t, sub_area=s, keep=k) for a, c, i, t, s, k in asks] == fresh


def test_the_rankings_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # a big plan's rows are ranked as ever once the matcher keeps no more of them
    from zi_workbook.lke import match

    monkeypatch.setattr(match, "_KEEP_RANKED", 5)
    plan = read_plan(SAMPLE_FILE)
    m = match.Matcher(load())
    asks = [(r.area, r.component, r.indicator, r.action) for r in plan.rows[:12]]
    first = [m.rank(*a) for a in asks]
    assert len(m._ranked) == 5
    assert [m.rank(*a) for a in asks] == first == [match.Matcher(load()).rank(*a) for a in asks]
