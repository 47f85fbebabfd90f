"""The LKE section of the text report: the ceiling per area against the minimums, and the
questions with no action grouped per sub-area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n.lke import lke_label

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["lke_lines"]


def _num(x: float, lang: str) -> str:
    text = f"{x:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def lke_lines(report: Report) -> list[str]:
    """Empty for a plan with no action; otherwise a heading, one line per area, the
    Pengungkit total, the note, and the unplanned questions per sub-area."""
    cov = report.lke
    if cov is None or not report.results:
        return []
    lang = report.lang
    of = "of" if lang == "en" else "dari"
    all_done = lke_label("plan_ceiling", lang).lower()
    out = ["", lke_label("section", lang)]
    for numeral, area in cov.areas.items():
        verdict = (
            "reaches_wbbm"
            if area.reaches("WBBM")
            else "reaches_wbk"
            if area.reaches("WBK")
            else "below_wbk"
        )
        out.append(
            f"  {lke_label('area', lang)} {numeral:<4} {lke_label('ceiling', lang).lower()} "
            f"{_num(area.ceiling, lang)} {of} {area.area.weight:g} · min. WBK "
            f"{_num(area.minimums['WBK'], lang)} · WBBM {_num(area.minimums['WBBM'], lang)} · "
            f"{all_done} {_num(area.plan_ceiling, lang)} · {lke_label(verdict, lang)}"
        )
    wbk, wbbm = (cov.lke.thresholds[k].pengungkit_min for k in ("WBK", "WBBM"))
    out.append(
        f"  Pengungkit {_num(cov.ceiling, lang)} {of} {cov.lke.pengungkit:g} (min. WBK "
        f"{wbk:g}, WBBM {wbbm:g}; {all_done} {_num(cov.plan_ceiling, lang)}); "
        f"{lke_label('hasil', lang)} {cov.lke.hasil:g}: {lke_label('outside', lang)}"
    )
    out.append(f"  {lke_label('note', lang)}")
    missing = [
        (sub, [q.question.code for q in sub.questions if q.state == "none"])
        for area in cov.areas.values()
        for sub in area.sub_areas
    ]
    missing = [(sub, codes) for sub, codes in missing if codes]
    total = sum(len(codes) for _, codes in missing)
    out.append("")
    out.append(f"{lke_label('unplanned', lang)} ({total}):")
    for sub, codes in missing:
        out.append(f"  {sub.sub_area.code} {sub.sub_area.name}: {', '.join(codes)}")
    return out
