"""The UTF-16 marks made without the codecs equal what the codecs give."""

from __future__ import annotations

import pytest

from zi_workbook.xlsx.safety import utf16


@pytest.mark.parametrize("word", ["EncryptionInfo", "WordDocument", "Workbook", "<!DOCTYPE"])
def test_utf16_is_the_codec_s_bytes(word: str) -> None:
    assert utf16(word.encode("ascii")) == word.encode("utf-16-le")
    assert utf16(word.encode("ascii"), big_endian=True) == word.encode("utf-16-be")
