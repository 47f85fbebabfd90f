"""zi_workbook._regex: patterns kept compiled in __pycache__ are the ones re.compile makes."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zi_workbook import _regex

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<year>20\d{2})-(?P<month>\d{2})|(\d+)", 0),
    (r"\b(?:kantor|kpu|dinas)\b\s+(\w+)", re.IGNORECASE),
    (r"^\s*(?:\d+[.)]\s*)?(?:https?://|www\.)", re.IGNORECASE | re.MULTILINE),
    (rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]+)"', 0),
    (r"(?x) a \s+ b  # verbose", 0),
    (r"[–•·▪]+", 0),
]


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache in tmp_path, written even under PYTHONDONTWRITEBYTECODE."""
    path = tmp_path / "__pycache__" / "_regex.test.marshal"
    monkeypatch.setattr(_regex, "_path", lambda: str(path))
    monkeypatch.setattr(_regex, "_known", None)
    monkeypatch.setattr(_regex, "_met", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process starts with: nothing read yet, nothing met."""
    monkeypatch.setattr(_regex, "_known", None)
    monkeypatch.setattr(_regex, "_met", {})


def test_a_second_run_takes_every_pattern_from_the_file(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [_regex.compile(p, f) for p, f in PATTERNS]
    assert first == [re.compile(p, f) for p, f in PATTERNS]
    _regex._save()
    assert cache_file.is_file()

    _fresh_process(monkeypatch)

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", no_compiling)
    again = [_regex.compile(p, f) for p, f in PATTERNS]
    assert again == first  # same flags, pattern and engine code
    for cached, made in zip(again, first, strict=True):
        assert (cached.groups, cached.groupindex) == (made.groups, made.groupindex)
    year = again[0].match("2022-05")
    assert year is not None and year.group("month") == "05" and year.lastgroup == "month"
    assert again[3].search(b'<x:c t="s" r="AB12">') is not None
    assert again[5].fullmatch("•·") is not None


def test_what_another_process_wrote_is_kept(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _regex.compile(*PATTERNS[0])
    _regex._save()
    _fresh_process(monkeypatch)
    _regex.compile(*PATTERNS[1])  # this run reads the file, meets one more
    _regex._save()
    _, entries = marshal.loads(cache_file.read_bytes())
    assert set(entries) == {(PATTERNS[0][0], 0), (PATTERNS[1][0], int(re.IGNORECASE))}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps((("another python", 1, 4), {(PATTERNS[0][0], 0): (0, [1], 0, {}, ())})),
        marshal.dumps([1, 2, 3]),
    ],
    ids=["empty", "garbage", "another-interpreter", "wrong-shape"],
)
def test_a_file_that_does_not_fit_is_ignored(cache_file: Path, content: bytes) -> None:
    cache_file.parent.mkdir()
    cache_file.write_bytes(content)
    assert [_regex.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]
    _regex._save()  # replaced by a good one
    interpreter, entries = marshal.loads(cache_file.read_bytes())
    assert interpreter == _regex._INTERPRETER and len(entries) == len(PATTERNS)


@pytest.mark.parametrize(
    "entry",
    [(0, [99999, 1, 2], 0, {}, ()), (0, [1], 0), "not an entry", (0, [], -5, {}, ())],
    ids=["bad-code", "short", "string", "bad-groups"],
)
def test_a_damaged_entry_for_this_interpreter_is_compiled_anew(
    cache_file: Path, entry: object
) -> None:
    # the engine validates the code it is given: a damaged file must never reach the user
    # as an error, only cost the compile it was meant to save
    cache_file.parent.mkdir()
    pattern, flags = PATTERNS[0]
    cache_file.write_bytes(marshal.dumps((_regex._INTERPRETER, {(pattern, flags): entry})))
    compiled = _regex.compile(pattern, flags)
    assert compiled == re.compile(pattern, flags)
    assert compiled.match("2022-05") is not None


def test_nothing_is_written_without_bytecode(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _regex.compile(*PATTERNS[0])
    _regex._save()
    assert not cache_file.parent.exists()


def test_an_unwritable_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_file: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(_regex, "_path", lambda: str(blocker / "__pycache__" / "c.marshal"))
    _regex.compile(*PATTERNS[0])
    _regex._save()
    assert list(tmp_path.iterdir()) == [blocker]


def test_every_pattern_of_the_package_is_the_one_re_compile_makes(cache_file: Path) -> None:
    """Import every module in a new process with an empty cache file: each pattern the
    package compiled and kept is re.compile's, code and groups."""
    code = (
        "import pkgutil, importlib, sys, zi_workbook; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages("
        "zi_workbook.__path__, 'zi_workbook.') if not m.name.endswith('__main__') "
        "and not m.name.startswith('zi_workbook.web.serve')]"
    )
    root = Path(_regex.__file__).parent.parent
    env_code = (
        "import sys, zi_workbook._regex as r; "
        f"r._path = lambda: {str(cache_file)!r}; sys.dont_write_bytecode = False; " + code
    )
    subprocess.run([sys.executable, "-c", env_code], check=True, cwd=root)
    interpreter, entries = marshal.loads(cache_file.read_bytes())
    assert interpreter == _regex._INTERPRETER
    assert len(entries) > 50
    import _sre  # type: ignore[import-not-found]

    for (pattern, flags), entry in entries.items():
        cached = _sre.compile(pattern, *entry)
        made = re.compile(pattern, flags)
        assert cached == made, pattern
        assert cached.groupindex == made.groupindex, pattern
