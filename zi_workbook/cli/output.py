"""Standard output written whole or not at all, always as valid UTF-8.

A report is built in pieces (the JSON of a 100,000-row plan is streamed); if a
piece fails half-way, a reader of stdout must not get half a document. The pieces
go to a spool (memory, then an unlinked temporary file past 16 MiB) and are copied
to stdout only once all of them are there. Text that cannot be UTF-8 (a file name
with bytes that are not UTF-8, a lone surrogate) is shown with U+FFFD.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Iterable
from typing import IO

from ..errors import shown_path

__all__ = ["emit", "utf8"]

_SPOOL_BYTES = 16 << 20


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; what cannot be encoded becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return shown_path(text).encode("utf-8")


def emit(pieces: Iterable[str]) -> None:
    """Write every piece to stdout, or nothing if building one of them fails."""
    held: list[bytes] = []
    size = 0
    spool: IO[bytes] | None = None
    try:
        for piece in pieces:
            data = utf8(piece)
            if spool is not None:
                spool.write(data)
            else:
                held.append(data)
                size += len(data)
                if size > _SPOOL_BYTES:
                    spool = _spill(held)
        if spool is None:
            spool = io.BytesIO(b"".join(held))
        spool.seek(0)
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stream (tests, embedding)
            sys.stdout.write(spool.read().decode("utf-8"))
        else:
            shutil.copyfileobj(spool, out)
            out.flush()
    finally:
        if spool is not None:
            spool.close()


def _spill(held: list[bytes]) -> IO[bytes]:
    """Past 16 MiB, the pieces so far go to an unlinked temporary file (tempfile is
    imported only then: most reports are far smaller)."""
    import tempfile

    spool = tempfile.TemporaryFile()  # noqa: SIM115 - emit closes it
    spool.writelines(held)
    held.clear()
    return spool
