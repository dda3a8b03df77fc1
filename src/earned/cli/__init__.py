"""The `earned` command. Imports stay lazy so that everyday verbs start quickly."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NoReturn

import click

from earned import __version__


class CommandError(click.ClickException):
    """A problem the person can fix, shown as one line: 'earned: …'."""

    def show(self, file: Any = None) -> None:
        click.echo(f"earned: {self.format_message()}", err=True)


def fail(message: str) -> NoReturn:
    raise CommandError(message)


def refuse_to_replace(path: Path, force: bool, instead: str) -> None:
    """One rule for every command that writes a file of the person's: never over one already
    there unless they add --force (`instead`: what else they could do)."""
    if path.exists() and not force:
        fail(f"{path} is already there; {instead}, or add --force to replace it.")


def write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner may read, from its first byte: it holds their own words."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        path.chmod(0o600)  # now empty; a file replaced with --force kept its old mode
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError as error:
        fail(f"Cannot write {path} ({error.strerror or error}).")


class EarnedGroup(click.Group):
    """Turns every expected failure into one kind line and a non-zero exit, never a traceback;
    finds each command where `lazy` says, importing it only when it is asked for."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}  # a command's name: its module in earned.cli, and its name there

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy:
            import importlib

            module, attribute = self.lazy[name]
            command = getattr(importlib.import_module(f"earned.cli.{module}"), attribute)
            self.add_command(command, name)
        return self.commands.get(name)

    def invoke(self, ctx: click.Context) -> Any:
        from earned.environment import ConfigurationError

        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            path = error.ctx.command_path if error.ctx else "earned"
            raise CommandError(f"{error.format_message()} See `{path} --help`.") from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ConfigurationError as error:
            raise CommandError(str(error)) from None
        except KeyboardInterrupt:
            raise click.Abort from None
        except Exception as error:
            if os.environ.get("EARNED_DEBUG"):
                raise
            from django.core.exceptions import ImproperlyConfigured
            from django.db import DatabaseError

            if isinstance(error, ImproperlyConfigured):
                raise CommandError(str(error)) from None
            if isinstance(error, DatabaseError):
                raise CommandError(
                    f"The database answered with an error ({first_line(error)}). "
                    "Check DATABASE_URL, or run `earned check`."
                ) from None
            raise CommandError(
                f"Something unexpected went wrong ({type(error).__name__}). "
                "Run again with EARNED_DEBUG=1 to see the details."
            ) from None


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# Each command by name, and where it is defined: its module is imported only when the command is
# run (or help lists them all), so an everyday verb does not pay for every other one's imports.
COMMANDS = {
    "serve": ("server", "serve"), "check": ("server", "check"), "user": ("users", "user"),
    "export": ("data", "export"), "import": ("data", "import_"), "erase": ("data", "erase"),
    "backup": ("data", "backup"), "restore": ("data", "restore"), "log": ("log", "log"),
    "demo": ("demo", "demo"), "checkin": ("checkin", "checkin"), "keys": ("keys", "keys"),
    "expectations": ("ledger", "expectations"), "journal": ("journal", "journal"),
    "search": ("search", "search"), "ladders": ("practice", "ladders"),
    "practice": ("practice", "practice"), "people": ("people", "people"),
    "rupture": ("people", "rupture"), "repair": ("people", "repair"),
    "report": ("report", "report"), "measures": ("measures", "measures"),
    "circle": ("circle", "circle"), "care": ("circle", "care"), "tokens": ("tokens", "tokens"),
    "unlock": ("unlocking", "unlock"), "lock": ("unlocking", "lock"),
    "bring-in": ("bringing_in", "bring_in"),
}  # fmt: skip


@click.group(
    cls=EarnedGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, "--version", "-V", prog_name="earned")
def main() -> None:
    """Earned: a private practice space for revising old relationship expectations.

    Start with `earned serve`, then open the link it prints.
    """
    from earned.safety import command_run

    command_run.start()


@main.result_callback()
def after_any_command(*_: object, **__: object) -> None:
    """After saving words that sound like crisis, one calm line (the page shows a notice)."""
    from earned.safety import command_run

    if command_run.was_noticed():
        click.echo(
            "\nSome of what you wrote sounds very painful. If you are thinking of suicide or of "
            "hurting yourself, your safety plan and people to talk to are in Earned under "
            "'My plan' and 'Help now' (or `earned serve`). Nothing was sent anywhere.",
            err=True,
        )
