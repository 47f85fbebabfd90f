"""docs/cli.md is exactly what the commands' --help say (regenerate: see its first lines)."""

from __future__ import annotations

from pathlib import Path

from zi_workbook.cli.reference import render

DOC = Path(__file__).parent.parent / "docs" / "cli.md"


def test_docs_cli_md_is_the_help_of_every_command() -> None:
    text = render()
    assert text == DOC.read_text(encoding="utf-8"), (
        "docs/cli.md is stale: python -m zi_workbook.cli.reference > docs/cli.md"
    )
    for name in ("validate", "summary", "template", "compare", "lke", "serve"):
        assert f"## `zi-workbook {name}`" in text
    assert text.count("Cara pakai: zi-workbook") == text.count("Usage: zi-workbook") > 6
