"""A big workbook fixes glibc's mmap threshold (peak RSS at 100,000 rows); a normal one does not."""

from __future__ import annotations

import ctypes
import io
import sys
import zipfile

import pytest

from zi_workbook.xlsx import heap


def _zip(inflated: int) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b" " * inflated)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_a_normal_workbook_leaves_malloc_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_done", [])

    def no_ctypes(*_args: object) -> None:
        raise AssertionError("ctypes loaded for a small workbook")

    monkeypatch.setattr(ctypes, "CDLL", no_ctypes)
    assert heap.keep_big_blocks_mapped(_zip(heap.BIG_BYTES - 600)) is False
    assert heap._done == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_big_workbook_fixes_the_threshold_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_done", [])
    calls: list[tuple[int, int]] = []
    real = ctypes.CDLL(None).mallopt

    class _Libc:
        def mallopt(self, option: int, value: int) -> int:
            calls.append((option, value))
            return int(real(option, value))

    monkeypatch.setattr(ctypes, "CDLL", lambda _name: _Libc())
    big = _zip(heap.BIG_BYTES)
    assert heap.keep_big_blocks_mapped(big) is True
    assert heap.keep_big_blocks_mapped(big) is True
    assert calls == [(-3, 128 * 1024)]
