"""Write outputs atomically: a temp file in the same folder, then ``os.replace``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import OutputError

__all__ = ["atomic_path"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


@contextlib.contextmanager
def atomic_path(out: Path, inputs: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a temp path beside ``out``; on success it replaces ``out`` in one step.

    Never the path of an input; the old ``out`` stays intact when anything fails.
    """
    out = Path(out)
    _check_target(out)
    if any(_same_file(out, p) or out.resolve() == Path(p).resolve() for p in inputs):
        raise OutputError(
            out,
            "berkas keluaran sama dengan berkas masukan; pilih nama lain dengan --out.",
            "the output is the input file; choose another name with --out.",
        )
    folder = out.parent if str(out.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~zi-", suffix=out.suffix, dir=folder)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, out)
    except PermissionError as exc:
        raise OutputError(
            out,
            "tidak dapat menimpa berkas; tutup berkas itu di Excel lalu jalankan lagi "
            "(berkas lama tetap utuh).",
            "cannot replace the file; close it in Excel and run "
            "again (the old file is left intact).",
        ) from exc
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _check_target(out: Path) -> None:
    """Only ever write an .xlsx name, and only replace a regular file that is a workbook."""
    if not str(out) or out.name in ("", ".", ".."):
        raise OutputError(
            out,
            "nama berkas keluaran kosong; beri nama .xlsx.",
            "the output file name is empty; give an .xlsx name.",
        )
    if out.suffix.lower() != ".xlsx":
        raise OutputError(
            out, "berkas keluaran harus bernama .xlsx.", "the output file must be named .xlsx."
        )
    if not os.path.lexists(out):
        return
    if out.is_symlink() or not out.is_file():
        raise OutputError(
            out,
            "sudah ada dan bukan berkas biasa (tautan, folder atau perangkat); pilih nama lain.",
            "exists and is not a regular file (a link, a folder or a device); choose another name.",
        )
    if not _is_workbook(out):
        raise OutputError(
            out,
            "sudah ada dan bukan buku kerja Excel; tidak ditimpa. Pilih nama lain.",
            "exists and is not an Excel workbook; it is not replaced. Choose another name.",
        )


def _is_workbook(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return path.stat().st_size == 0  # an empty file (e.g. made by mkstemp) is fine


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unwritable(out: Path, exc: OSError) -> OutputError:
    if isinstance(exc, IsADirectoryError) or out.is_dir():
        return OutputError(
            out,
            "nama keluaran ini adalah sebuah folder; beri nama berkas .xlsx.",
            "this output name is a folder; give an .xlsx file name.",
        )
    return OutputError(
        out,
        f"tidak dapat menulis di folder ini ({exc.strerror}).",
        f"cannot write in this folder ({exc.strerror}).",
    )
