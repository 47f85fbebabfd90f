"""The one progress bar: drawn on a terminal only."""

from __future__ import annotations

import io
import sys

import pytest

from zi_workbook._progress import progress_bar, progress_callback


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_bar(10, "Membaca rencana") as bar:
        bar.update(10)
    assert progress_callback("Memeriksa tautan") is None
    assert err.getvalue() == ""


def test_drawn_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_bar(4, "Membaca rencana") as bar:
        bar.update(4)
    show = progress_callback("Memeriksa tautan")
    assert show is not None
    show(1, 2)
    show(2, 2)
    assert "Membaca rencana" in err.getvalue() and "Memeriksa tautan" in err.getvalue()
    with progress_bar(4, "Tidak diminta", show=False) as bar:
        bar.update(4)
    assert "Tidak diminta" not in err.getvalue()
