"""cli.output.emit: stdout gets the whole report or nothing, as UTF-8, held in memory or spilled."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from zi_workbook.cli import output


def _pieces(fail_at: int | None = None) -> Iterator[str]:
    for i in range(50):
        if i == fail_at:
            raise RuntimeError("broken piece")
        yield f"baris {i} · é\n"


EXPECTED = "".join(_pieces())


@pytest.mark.parametrize("spool_bytes", [1 << 20, 64], ids=["memory", "spilled"])
def test_emit_writes_every_piece_in_order(
    monkeypatch: pytest.MonkeyPatch, spool_bytes: int
) -> None:
    monkeypatch.setattr(output, "_SPOOL_BYTES", spool_bytes)
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))
    output.emit(_pieces())
    assert raw.getvalue().decode("utf-8") == EXPECTED


@pytest.mark.parametrize("spool_bytes", [1 << 20, 64], ids=["memory", "spilled"])
def test_emit_to_a_text_only_stream(monkeypatch: pytest.MonkeyPatch, spool_bytes: int) -> None:
    monkeypatch.setattr(output, "_SPOOL_BYTES", spool_bytes)
    text = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text)
    output.emit(_pieces())
    assert text.getvalue() == EXPECTED


@pytest.mark.parametrize("spool_bytes", [1 << 20, 64], ids=["memory", "spilled"])
def test_emit_writes_nothing_when_a_piece_fails(
    monkeypatch: pytest.MonkeyPatch, spool_bytes: int
) -> None:
    monkeypatch.setattr(output, "_SPOOL_BYTES", spool_bytes)
    text = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text)
    with pytest.raises(RuntimeError, match="broken piece"):
        output.emit(_pieces(fail_at=40))
    assert text.getvalue() == ""


def test_emit_replaces_what_is_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    text = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text)
    output.emit(["a\udcffb"])
    assert "\ufffd" in text.getvalue()


@pytest.mark.parametrize("memfd", [True, False], ids=["memfd", "tempfile"])
def test_quiet_stderr_keeps_the_first_line_written_to_descriptor_2(
    monkeypatch: pytest.MonkeyPatch, memfd: bool
) -> None:
    import os

    from zi_workbook.xlsx.native import quiet_stderr

    if not memfd:
        monkeypatch.delattr(os, "memfd_create", raising=False)
    with quiet_stderr() as said:
        os.write(2, b"thread '<unnamed>' panicked at 'index out of bounds'\nnote: backtrace\n")
    assert said == ["thread '<unnamed>' panicked at 'index out of bounds'"]
