"""docs/cli.md: every command's ``--help``, in Bahasa Indonesia and in English.

    python -m zi_workbook.cli.reference > docs/cli.md

``tests/test_cli_reference.py`` regenerates it and compares, so help and docs never
disagree (as sqlite-utils does with cog).
"""

from __future__ import annotations

import click
from click.testing import CliRunner

__all__ = ["render"]

_HEAD = """# zi-workbook: command-line reference

Generated from each command's `--help` by `python -m zi_workbook.cli.reference > docs/cli.md`;
do not edit by hand (`tests/test_cli_reference.py` checks it). Each command in Bahasa
Indonesia (the default) and in English (`--lang en`).
"""


def _help(args: list[str]) -> str:
    from . import main

    result = CliRunner().invoke(
        main, args, prog_name="zi-workbook", terminal_width=88, max_content_width=88
    )
    if result.exit_code != 0:  # pragma: no cover - a broken --help is a bug
        raise RuntimeError(f"{args}: {result.output}")
    return result.output.rstrip() + "\n"


def render() -> str:
    """The whole of docs/cli.md."""
    from . import main

    names = main.list_commands(click.Context(main))
    parts = [_HEAD]
    for name in ["", *names]:
        title = f"zi-workbook {name}".strip()
        args = [name] if name else []
        parts.append(f"\n## `{title}`\n")
        for lang, heading in (("id", "Bahasa Indonesia"), ("en", "English")):
            parts.append(f"\n### {heading}\n\n```\n{_help([*args, '--help', '--lang', lang])}```\n")
    return "".join(parts)


if __name__ == "__main__":
    click.echo(render(), nl=False)
