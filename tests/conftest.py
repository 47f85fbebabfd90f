"""Fixtures: builders bound to the test's tmp folder, and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import make_plan, make_workbook
from cli_runner import invoke
from click.testing import Result


@pytest.fixture
def plan_file(tmp_path: Path) -> Callable[..., Path]:
    """``plan_file(rows, **layout)``: one plan sheet in a new workbook (see make_plan)."""

    def build(rows: Any, **kw: Any) -> Path:
        return make_plan(tmp_path, rows, **kw)

    return build


@pytest.fixture
def workbook_file(tmp_path: Path) -> Callable[..., Path]:
    """``workbook_file(*sheets, **kw)``: a workbook of Sheet specs (see make_workbook)."""

    def build(*sheets: Any, **kw: Any) -> Path:
        return make_workbook(tmp_path, *sheets, **kw)

    return build


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """``run_cli(*args)``: invoke the CLI with stdout and stderr kept apart."""

    def run(*args: object) -> Result:
        from zi_workbook.cli import main

        return invoke(main, *args)

    return run
