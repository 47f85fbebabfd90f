"""The language of what the command line shows: click's own texts and the help.

Help texts are written once, Indonesian first: ``"Indonesian / English"``. While a
command runs, :func:`speaking` sets the language (``--lang``); the help formatter
shows only that language's side of each text, and in Indonesian click's own texts
("Usage:", "Options", "Invalid value", "Missing argument"...) come from
``i18n.click_id`` instead of click's English (no gettext catalog needed: click looks
its ``_`` up in its own modules at call time, and those are swapped here for the run).
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click

from .. import _regex
from ..i18n.click_id import CLICK_ID

__all__ = [
    "Context",
    "HelpFormatter",
    "UnknownCommand",
    "current_lang",
    "english",
    "pick",
    "short_help",
    "speaking",
    "suggest",
]

_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
)
_lang = "id"
_PARTS = _regex.compile(r"^(\s*(?:\d+\s+)?)(.*?)(\s{2}\[[^\]]*\])?$", re.DOTALL)


def current_lang() -> str:
    return _lang


def pick(text: str, lang: str | None = None) -> str:
    """The ``lang`` side of ``"Indonesian / English"`` (the whole text when it has one side).

    A leading indent or number (``"  0  "``) and a trailing ``  [default: ...]`` stay; the
    side ends with the text's last ``.`` or ``:`` when it lacks one.
    """
    lang = lang or _lang
    head, body, extra = _PARTS.match(text).groups()  # type: ignore[union-attr]
    left, sep, right = body.partition(" / ")
    if sep:
        side = right[:1].upper() + right[1:] if lang == "en" and not head else right
        side = side if lang == "en" else left
        end = body[-1] if body[-1:] in (".", ":") else ""
        body = side if side.endswith(end) else side + end
    return head + body + (extra or "")


def _pick_lines(text: str) -> str:
    """Each paragraph picked whole; in a ``\\b`` block (kept as written), each line."""
    out = []
    for para in text.split("\n\n"):
        if para.lstrip().startswith("\b"):
            out.append("\n".join(pick(x) if " / " in x else x for x in para.split("\n")))
        else:
            joined = " ".join(para.split())
            out.append(pick(joined) if " / " in joined else para)
    return "\n\n".join(out)


def _gettext(message: str) -> str:
    return CLICK_ID.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Run with ``lang`` as the CLI's language (click's texts included)."""
    global _lang
    saved: list[tuple[Any, str, Any]] = []
    previous, _lang = _lang, lang
    if lang != "en":
        for name in _CLICK_MODULES:
            with contextlib.suppress(ImportError):
                module = importlib.import_module(name)
                for attr, value in (("_", _gettext), ("ngettext", _ngettext)):
                    if hasattr(module, attr):
                        saved.append((module, attr, getattr(module, attr)))
                        setattr(module, attr, value)
    try:
        yield
    finally:
        _lang = previous
        for module, attr, value in reversed(saved):
            setattr(module, attr, value)


@contextlib.contextmanager
def english() -> Iterator[None]:
    """click's own words in English while inside: for importing a command module, so that
    what click keeps from its decorators (metavars, the help option) does not depend on
    the language of the run that happened to import it first. The help shows them in the
    run's language through :class:`HelpFormatter`."""
    with speaking("en"):
        yield


_ENGLISH = {v: k for k, v in CLICK_ID.items()}
_METAVARS = {
    "FILE": "BERKAS",
    "DIRECTORY": "FOLDER",
    "PATH": "JALUR",
    "INTEGER RANGE": "BILANGAN",
    "FLOAT RANGE": "ANGKA",
    "INTEGER": "BILANGAN",
    "FLOAT": "ANGKA",
    "TEXT": "TEKS",
}
_METAVARS_EN = {v: k for k, v in _METAVARS.items() if " " not in k}
_METAVAR_WORDS = _regex.compile(r"\b(?:INTEGER RANGE|FLOAT RANGE|[A-Z]+)\b")
#: click's usage pieces, in Indonesian.
_USAGE = {"[OPTIONS]": "[OPSI]", "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]..."}


def _term(term: str) -> str:
    table = _METAVARS_EN if _lang == "en" else _METAVARS
    if not term.startswith("-"):
        return term
    return _METAVAR_WORDS.sub(lambda m: table.get(m.group(0), m.group(0)), term)


#: The commands' argument names, as the usage line and click's errors show them.
_ARG_NAMES = {"PLAN": "RENCANA", "PLANS": "RENCANA", "OLD": "LAMA", "NEW": "BARU"}
_ARG = _regex.compile(r"\b(PLANS?|OLD|NEW)\b")
_QUOTED_ARG = _regex.compile(r"(?<=')(PLANS?|OLD|NEW)(?=(?:\.\.\.)?')")  # not in a file name


def argument_names(text: str) -> str:
    """In Indonesian, the argument names click quotes in its errors ('PLAN') as the usage
    line shows them ('RENCANA')."""
    if _lang == "en":
        return text
    return _QUOTED_ARG.sub(lambda m: _ARG_NAMES[m.group(1)], text)


def _usage_args(args: str) -> str:
    if _lang == "en":
        return args
    for english_piece, piece in _USAGE.items():
        args = args.replace(english_piece, piece)
    return _ARG.sub(lambda m: _ARG_NAMES[m.group(1)], args)


def _definition(text: str) -> str:
    text = pick(text)
    return _ENGLISH.get(text, text) if _lang == "en" else CLICK_ID.get(text, text)


class HelpFormatter(click.HelpFormatter):
    """Shows one language's side of every help text."""

    def write_text(self, text: str) -> None:
        super().write_text(_pick_lines(text))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _usage_args(args), prefix)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(_term(term), _definition(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class Context(click.Context):
    formatter_class = HelpFormatter


def short_help(command: click.Command, limit: int) -> str:
    """A command's line in the group's list, in the run's language: the first sentence,
    cut at a word when longer than ``limit``."""
    text = command.short_help or (command.help or "").split("\n\n")[0]
    text = pick(" ".join(text.split()))
    text = re.split(r"(?<=[.:])\s", text, maxsplit=1)[0].rstrip(".:")
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0] + "..."


#: Indonesian (and other) words people type for a command.
_SYNONYMS = {
    "validate": ("validasi", "periksa", "cek", "check", "status", "laporan"),
    "summary": ("ringkasan", "ringkas", "rekap", "rekapitulasi", "summarize", "summarise"),
    "template": ("templat", "contoh", "blanko", "kosong"),
    "compare": ("bandingkan", "banding", "perubahan", "diff"),
    "serve": ("sajikan", "server", "web", "halaman"),
}


class UnknownCommand(click.UsageError):
    """A command name the group does not have, with the closest one it has."""

    def __init__(self, name: str, known: Sequence[str], ctx: click.Context | None) -> None:
        self.name, self.suggestion = name, suggest(name, known)
        super().__init__(f"No such command '{name}'.", ctx)

    def line(self, lang: str) -> str:
        if lang == "en":
            hint = f"; did you mean '{self.suggestion}'?" if self.suggestion else ""
            return f"no such command '{self.name}'{hint}"
        hint = f"; maksudnya '{self.suggestion}'?" if self.suggestion else ""
        return f"perintah '{self.name}' tidak dikenal{hint}"


def suggest(name: str, known: Sequence[str]) -> str | None:
    import difflib

    word = name.strip().lower()
    for command, words in _SYNONYMS.items():
        if command in known and (word in words or word.rstrip("s") in words):
            return command
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return close[0] if close else None
