"""The `earned` command's first step: an everyday command goes to the unlocked process when one
is running (earned/agent.py: the standard library only, so this costs almost nothing); any
other command, or none unlocked, starts the full command line."""

from __future__ import annotations

import sys


def main() -> None:
    from earned.agent import forward

    code = forward(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from earned.cli import main as command_line

    command_line()
