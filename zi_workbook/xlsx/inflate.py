"""One deflated zip member, read and inflated in one go.

``zipfile`` reads a member through a stream object, chunk by chunk; for the dozen small
parts of a plan that costs more than inflating them. :func:`inflate` gives exactly the
bytes ``zipfile`` gives (its first ``file_size`` inflated bytes, checksum verified) or
None for anything unusual, and the caller then reads the member with ``zipfile``, which
says what is wrong in its own words.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import IO

__all__ = ["inflate"]


def inflate(zf: zipfile.ZipFile, handle: IO[bytes], name: str) -> bytes | None:
    """The bytes of member ``name`` of ``zf`` (opened over ``handle``); None when it is
    stored, empty, flagged, or its local header, name, stream or checksum is not what
    the central directory says."""
    info = zf.getinfo(name)
    size = info.file_size
    if info.compress_type != zipfile.ZIP_DEFLATED or not size or info.flag_bits & 0x61:
        return None
    handle.seek(info.header_offset)
    head = handle.read(30)
    if len(head) != 30 or head[:4] != b"PK\x03\x04":
        return None
    flags, name_len, extra_len = struct.unpack("<6xH18xHH", head)
    legacy = getattr(zf, "metadata_encoding", None) or "cp437"
    try:
        if handle.read(name_len).decode("utf-8" if flags & 0x800 else legacy) != info.orig_filename:
            return None
        start = handle.seek(extra_len, io.SEEK_CUR)
        if start + info.compress_size > handle.seek(0, io.SEEK_END):
            return None  # a stated size past the file's end: never allocated, zipfile says
        handle.seek(start)
        inflater = zlib.decompressobj(-15)
        data = inflater.decompress(handle.read(info.compress_size), size)
    except (zlib.error, UnicodeError, LookupError):
        return None
    if len(data) < size and not inflater.eof:
        return None
    return data if zlib.crc32(data) == info.CRC else None
