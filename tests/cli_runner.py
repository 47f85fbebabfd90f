"""Invoke a click command with stdout and stderr kept apart, on any click version."""

from __future__ import annotations

from click import Command
from click.testing import CliRunner, Result


def invoke(command: Command, *args: object) -> Result:
    try:  # click 8.1 mixes the streams unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 keeps result.stderr apart by default
        runner = CliRunner()
    return runner.invoke(command, [str(a) for a in args])
