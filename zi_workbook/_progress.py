"""The one progress bar of every long run (many plans, many links): click's, on stderr,
and silent when stderr is not a terminal (a pipe, a file, a test, a scheduled job)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["Bar", "progress_bar", "progress_callback"]


class Bar:
    """``with progress_bar(n, label) as bar: ... bar.update(k)``; draws nothing when off."""

    def __init__(self, length: int, label: str, show: bool) -> None:
        self._bar: Any = None
        if show and length > 0:
            import click  # only when a bar is drawn

            self._bar = click.progressbar(length=length, label=label, file=sys.stderr)

    def __enter__(self) -> Bar:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None

    def update(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)


def _on_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stderr, or a closed one
        return False


def progress_bar(length: int, label: str, show: bool = True) -> Bar:
    """A bar of ``length`` steps, drawn only when ``show`` and stderr is a terminal."""
    return Bar(length, label, show and _on_terminal())


def progress_callback(label: str) -> Callable[[int, int], None] | None:
    """A ``progress(done, total)`` callback that draws the same bar (None off a terminal):
    for code that reports how far it got rather than steps (``check_urls``)."""
    if not _on_terminal():
        return None
    state: dict[str, Any] = {"bar": None, "done": 0}

    def show(done: int, total: int) -> None:
        if state["bar"] is None:
            state["bar"] = progress_bar(total, label).__enter__()
        state["bar"].update(max(0, done - state["done"]))
        state["done"] = done
        if done >= total:
            state["bar"].__exit__(None, None, None)

    return show
