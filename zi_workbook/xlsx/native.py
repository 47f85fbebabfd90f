"""Calls into python-calamine's Rust code, kept quiet.

A Rust panic inside calamine reaches Python as ``PanicException`` (a
``BaseException``), and the panic hook has already written its message and a
backtrace hint to file descriptor 2 by then. :func:`quiet_stderr` points
descriptor 2 (and ``sys.stderr``) at a scratch file for the length of the call, so
a refused file still gives exactly one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import IO

__all__ = ["quiet_stderr"]


@contextlib.contextmanager
def quiet_stderr() -> Iterator[list[str]]:
    """Descriptor 2 goes to an unlinked scratch file; yields a list that receives
    the first line written there, once the block ends."""
    said: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no descriptor 2 (embedded): nothing to hide
        yield said
        return
    python_stderr = sys.stderr
    with _scratch_file() as scratch:
        os.dup2(scratch.fileno(), 2)
        sys.stderr = io.StringIO()  # what Python itself prints there (a MemoryError's traceback)
        try:
            yield said
        finally:
            sys.stderr = python_stderr
            os.dup2(saved, 2)
            os.close(saved)
            scratch.seek(0)
            text = scratch.read(4096).decode("utf-8", "replace")
            said.extend(line.strip() for line in text.splitlines()[:1] if line.strip())


def _scratch_file() -> IO[bytes]:
    """An unlinked scratch file: in memory where the system can (Linux), which also
    spares importing tempfile (~1 ms) on every run."""
    memfd_create = getattr(os, "memfd_create", None)
    if memfd_create is not None:
        with contextlib.suppress(OSError):
            return open(memfd_create("zi-workbook-stderr"), "w+b")
    import tempfile

    return tempfile.TemporaryFile()  # the caller closes it
