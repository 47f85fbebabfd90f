"""Labels of the comparison (text section, Perubahan sheet), Bahasa Indonesia first."""

from __future__ import annotations

from . import label as shared_label

__all__ = ["change_label"]

_LABELS: dict[str, tuple[str, str]] = {
    "sheet_changes": ("Perubahan", "Changes"),
    "title_changes": ("Perubahan Rencana Aksi Zona Integritas", "Zona Integritas Plan Changes"),
    "changes_since": ("Perubahan sejak", "Changes since"),
    "old_row": ("Baris lama", "Old row"),
    "new_row": ("Baris baru", "New row"),
    "change": ("Perubahan", "Change"),
    "before": ("Sebelum", "Before"),
    "after": ("Sesudah", "After"),
    "status_now": ("Status sekarang", "Status now"),
    "no_changes": ("Tidak ada perubahan.", "No changes."),
    "now-complete": ("selesai baru", "newly complete"),
    "compared": ("Dibandingkan", "Compared"),
    "version_old": ("Versi lalu", "Last version"),
    "version_new": ("Versi ini", "This version"),
    "gone": ("(tidak ada)", "(none)"),
    "empty": ("(kosong)", "(empty)"),
    "links_n": ("tautan", "link(s)"),
    "changes_written": ("Perubahan ditulis", "Changes written"),
}


def change_label(key: str, lang: str = "id") -> str:
    """A label of this module, else a change kind's title, else a shared label."""
    pair = _LABELS.get(key)
    if pair is not None:
        return pair[1] if lang == "en" else pair[0]
    from ..compare.kinds import CHANGE_KINDS

    kind = CHANGE_KINDS.get(key)
    if kind is not None:
        return kind.title(lang)
    return shared_label(key, lang)
