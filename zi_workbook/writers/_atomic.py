"""Write outputs atomically: a temp file in the same folder, then ``os.replace``.

xlsxwriter keeps temporary files of its own while it writes (every part when the
workbook is closed, every row in ``constant_memory`` mode); :func:`atomic_workbook`
gives it a scratch folder beside the output and removes it whatever happens, so a
full disk, Ctrl+C or SIGTERM leaves neither a temporary file nor a damaged output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import XlsxWriterException

from ..errors import OutputError

__all__ = ["atomic_path", "atomic_workbook"]

#: The longest file name most file systems take, in bytes.
_NAME_MAX = 255


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, ValueError):
        return _resolved(a) == _resolved(b)


def _resolved(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):  # too long, a symlink loop
        return os.path.abspath(path)


@contextlib.contextmanager
def atomic_path(out: Path, inputs: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a temp path beside ``out``; on success it replaces ``out`` in one step.

    Never the path of an input; the old ``out`` stays intact when anything fails.
    """
    out = Path(out)
    _check_target(out)
    if any(_same_file(out, p) or _resolved(out) == _resolved(Path(p)) for p in inputs):
        raise OutputError(
            out,
            "berkas keluaran sama dengan berkas masukan; pilih nama lain dengan --out.",
            "the output is the input file; choose another name with --out.",
        )
    folder = out.parent if str(out.parent) else Path(".")
    try:
        tmp = _new_temp(folder, out.suffix)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    try:
        yield tmp
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
    except XlsxWriterException as exc:  # FileCreateError: the disk is full, the folder gone
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise _unwritable(out, cause or OSError(0, str(exc))) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def atomic_workbook(
    out: Path, inputs: tuple[Path, ...] = (), options: dict[str, Any] | None = None
) -> Iterator[Any]:
    """An ``xlsxwriter.Workbook`` that becomes ``out`` once the block ends without error.

    The block fills the workbook; it is closed here. xlsxwriter's temporary files
    go to a hidden scratch folder beside ``out`` that is removed in every case.
    """
    with atomic_path(out, inputs) as tmp:
        try:
            scratch = tempfile.mkdtemp(prefix=".~zi-", dir=tmp.parent)
        except OSError as exc:
            raise _unwritable(Path(out), exc) from exc
        try:
            workbook = _workbook_class()
            wb = workbook(str(tmp), {**(options or {}), "tmpdir": scratch})
            yield wb
            wb.close()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _check_target(out: Path) -> None:
    """Only ever write an .xlsx name, and only replace a regular file that is a workbook."""
    if not str(out) or out.name in ("", ".", ".."):
        raise OutputError(
            out,
            "nama berkas keluaran kosong; beri nama .xlsx.",
            "the output file name is empty; give an .xlsx name.",
        )
    if len(os.fsencode(out.name)) > _NAME_MAX:
        raise OutputError(
            out,
            f"nama berkas keluaran terlalu panjang (lebih dari {_NAME_MAX} bita); pakai "
            "nama yang lebih pendek.",
            f"the output file name is too long (over {_NAME_MAX} bytes); use a shorter name.",
        )
    if out.suffix.lower() != ".xlsx":
        raise OutputError(
            out, "berkas keluaran harus bernama .xlsx.", "the output file must be named .xlsx."
        )
    try:
        if not os.path.lexists(out):
            return
        odd = out.is_symlink() or not out.is_file()
    except OSError as exc:  # a folder on the way that is no folder, a loop of links
        raise _unwritable(out, exc) from exc
    if odd:
        raise OutputError(
            out,
            "sudah ada dan bukan berkas biasa (tautan, folder atau perangkat); pilih nama lain.",
            "exists and is not a regular file (a link, a folder or a device); choose another name.",
        )
    lock = _lock_file(out)
    if lock is not None:
        raise OutputError(
            out,
            f"sedang dibuka di Excel atau LibreOffice (ada berkas kunci {lock.name}); tutup "
            "dulu lalu jalankan lagi. Berkas lama tetap utuh. Bila tidak sedang dibuka, hapus "
            f"{lock.name}.",
            f"is open in Excel or LibreOffice (lock file {lock.name}); close it and run again. "
            f"The old file is left intact. If it is not open, delete {lock.name}.",
        )
    if not _is_workbook(out):
        raise OutputError(
            out,
            "sudah ada dan bukan buku kerja Excel; tidak ditimpa. Pilih nama lain.",
            "exists and is not an Excel workbook; it is not replaced. Choose another name.",
        )


def _lock_file(out: Path) -> Path | None:
    """Excel's ``~$name`` or LibreOffice's ``.~lock.name#`` beside ``out``: it is open."""
    for name in (f"~${out.name}", f".~lock.{out.name}#"):
        lock = out.with_name(name)
        with contextlib.suppress(OSError):
            if lock.exists():
                return lock
    return None


def _is_workbook(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return path.stat().st_size == 0  # an empty file (e.g. our temporary) is fine


def _new_temp(folder: Path, suffix: str) -> Path:
    """A new empty file beside the output, made with mode 0o666 so that the OS applies the
    user's umask, as for any file they save (``mkstemp`` would make it 0o600, and reading
    the umask means setting it, for every thread of the process)."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = folder / f".~zi-{os.urandom(6).hex()}{suffix}"
        try:
            os.close(os.open(path, flags, 0o666))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _unwritable(out: Path, exc: OSError) -> OutputError:
    try:
        folder = isinstance(exc, IsADirectoryError) or out.is_dir()
    except OSError:
        folder = False
    if folder:
        return OutputError(
            out,
            "nama keluaran ini adalah sebuah folder; beri nama berkas .xlsx.",
            "this output name is a folder; give an .xlsx file name.",
        )
    return OutputError(
        out,
        f"tidak dapat menulis di folder ini ({exc.strerror or exc}); berkas lama tetap utuh.",
        f"cannot write in this folder ({exc.strerror or exc}); the old file is left intact.",
    )


def _workbook_class() -> type[Any]:
    """Our streaming Workbook (``_fastsheet``) for the xlsxwriter versions it was checked
    against, else xlsxwriter's own; an xlsxwriter older than the modules ``_fastsheet``
    imports (``xlsxwriter.url``, 3.2.3) gets its own too."""
    try:
        from ._fastsheet import fast_workbook_class
    except ImportError:
        from xlsxwriter.workbook import Workbook

        stock: type[Any] = Workbook
        return stock
    return fast_workbook_class()
