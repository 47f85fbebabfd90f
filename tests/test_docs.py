"""Docs that cannot drift: the README's codes table, commands and CLI help."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from zi_workbook.cli import main
from zi_workbook.findings import FINDING_TYPES, markdown_table

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_codes_table_is_generated_from_the_declaration() -> None:
    start = README.index("<!-- findings:start -->") + len("<!-- findings:start -->")
    end = README.index("<!-- findings:end -->")
    assert README[start:end].strip() == markdown_table()
    for code in FINDING_TYPES:
        assert f"`{code}`" in README


def test_readme_has_the_two_commands() -> None:
    assert "pip install . && zi-workbook validate samples/01_kpu_kab_batang_2022.xlsx" in README
    assert "pip install '.[test]' && pytest" in README
    assert (Path(__file__).parent.parent / "samples" / "01_kpu_kab_batang_2022.xlsx").exists()


def test_every_command_has_help_and_is_in_the_readme() -> None:
    runner = CliRunner()
    ctx = click.Context(main)
    names = main.list_commands(ctx)
    assert {"validate", "summary", "template"} <= set(names)
    for name in names:
        command = main.get_command(ctx, name)
        assert command is not None
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert command.help
        assert f"zi-workbook {name}" in README
