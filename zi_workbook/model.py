"""The plan as read: immutable rows that remember where they came from.

Every record is a named tuple (:class:`._record.Record`, which type checkers see as
``NamedTuple`` and which costs less to make at import than either ``NamedTuple`` or a
frozen dataclass). Change one with ``_replace``.
"""

from __future__ import annotations

from datetime import date

from ._record import Record

__all__ = ["AREAS", "PIC_HEADERS", "Period", "Plan", "PlanRow", "ReadNote", "Target", "TargetError"]

#: The six change areas (area perubahan) of a Zona Integritas, by roman numeral.
AREAS: dict[str, dict[str, str]] = {
    "I": {"id": "Manajemen Perubahan", "en": "Change Management"},
    "II": {"id": "Penataan Tatalaksana", "en": "Business Process Management"},
    "III": {"id": "Penataan Sistem Manajemen SDM", "en": "Human Resource Management"},
    "IV": {"id": "Penguatan Akuntabilitas", "en": "Strengthening Accountability"},
    "V": {"id": "Penguatan Pengawasan", "en": "Strengthening Supervision"},
    "VI": {
        "id": "Peningkatan Kualitas Pelayanan Publik",
        "en": "Improving Public Service Quality",
    },
}


class Period(Record):
    """A span of days, both ends included; ``end`` is None when open-ended."""

    start: date
    end: date | None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }


class TargetError(Record):
    """Why a TARGET WAKTU was refused, in both languages, with a suggested fix."""

    message_id: str
    message_en: str
    suggestion: str | None = None

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


class Target(Record):
    """A normalised TARGET WAKTU: the text as written and the periods it means."""

    text: str
    periods: tuple[Period, ...] = ()
    error: TargetError | None = None
    #: Words beside the date that are no date (``1. Meningkatnya ...``): kept, not read.
    notes: str = ""

    @property
    def deadline(self) -> date | None:
        """The end of the last period; None when empty, refused or open-ended
        (the rule lives in ``zi_workbook.status.deadline``)."""
        from .status import deadline

        return deadline(self)

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.periods

    @property
    def is_open_ended(self) -> bool:
        return any(p.end is None for p in self.periods)

    def to_dict(self) -> dict[str, object]:
        deadline = self.deadline
        return {
            "text": self.text,
            "periods": [p.to_dict() for p in self.periods],
            "deadline": deadline.isoformat() if deadline else None,
        }


class PlanRow(Record):
    """One action of the plan, with the sheet and Excel row where it starts.

    ``links`` holds only safe links (http, https, mailto) in cell order;
    ``link_candidates`` holds every link-like token of the link cell (unsafe and
    malformed ones too) for the checks; ``link_text`` is what the link cell said
    that is no link. ``columns`` maps a field to its column letter.
    """

    sheet: str
    row: int
    area: str | None
    no: str
    component: str
    indicator: str
    action: str
    evidence: str
    links: tuple[str, ...]
    link_candidates: tuple[str, ...]
    link_text: str
    target: Target
    extra: tuple[tuple[str, str], ...] = ()
    columns: tuple[tuple[str, str], ...] = ()
    last_row: int = 0
    #: (field, error) for cells whose formula left an error (#REF!, #N/A), read as "".
    cell_errors: tuple[tuple[str, str], ...] = ()
    #: True when the evidence text only promises evidence (``belum ada``, ``menyusul``).
    evidence_placeholder: bool = False
    #: The KODE LKE cell (carried from the component row) and the cell right of it.
    lke_code: str = ""
    lke_letter: str = ""

    @property
    def has_evidence(self) -> bool:
        """Evidence is named: the cell holds text that is no placeholder."""
        return bool(self.evidence) and not self.evidence_placeholder

    @property
    def pic(self) -> str | None:
        """Who is responsible: the first PIC / PENANGGUNG JAWAB / PJ / UNIT PELAKSANA /
        PELAKSANA column's text (never KETERANGAN); None when there is none."""
        for name, text in self.extra:
            key = "".join(c for c in name.upper() if c.isalpha())
            if text and key in _PIC_KEYS:
                return text
        return None

    def column(self, fieldname: str) -> str:
        """The column letter of a field, or "" when the plan has no such column."""
        for name, letter in self.columns:
            if name == fieldname:
                return letter
        return ""


#: Headers of the column naming who is responsible for an action (case and punctuation free).
PIC_HEADERS = frozenset(
    {"PIC", "PENANGGUNG JAWAB", "PJ", "UNIT PELAKSANA", "PELAKSANA", "PIC PENANGGUNG JAWAB"}
)


_PIC_KEYS = frozenset(h.replace(" ", "") for h in PIC_HEADERS)


class ReadNote(Record):
    """Something the reader noticed and tells as a finding: a code, a place, parameters."""

    code: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    params: tuple[tuple[str, str], ...] = ()


class Plan(Record):
    """A whole Rencana Aksi: every action read from every plan sheet of one file."""

    path: str
    sha256: str
    plan_year: int | None
    unit: str | None
    rows: tuple[PlanRow, ...]
    sheets: tuple[str, ...] = ()
    skipped_sheets: tuple[str, ...] = ()
    #: What the reader noticed (fragments joined, sheets left out, links unreadable).
    notes: tuple[ReadNote, ...] = ()
