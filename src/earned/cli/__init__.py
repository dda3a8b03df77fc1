"""The `earned` command. Imports stay lazy so that everyday verbs start quickly."""

from __future__ import annotations

import os
from typing import Any, NoReturn

import click

from earned import __version__


class CommandError(click.ClickException):
    """A problem the person can fix, shown as one line: 'earned: …'."""

    def show(self, file: Any = None) -> None:
        click.echo(f"earned: {self.format_message()}", err=True)


def fail(message: str) -> NoReturn:
    raise CommandError(message)


class EarnedGroup(click.Group):
    """Turns every expected failure into one kind line and a non-zero exit, never a traceback."""

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


@click.group(cls=EarnedGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def _register() -> None:
    from earned.cli import (
        checkin,
        circle,
        data,
        demo,
        journal,
        keys,
        ledger,
        log,
        measures,
        people,
        practice,
        report,
        search,
        server,
        tokens,
        users,
    )

    main.add_command(server.serve)
    main.add_command(server.check)
    main.add_command(users.user)
    main.add_command(data.export)
    main.add_command(data.import_)
    main.add_command(data.erase)
    main.add_command(log.log)
    main.add_command(demo.demo)
    main.add_command(checkin.checkin)
    main.add_command(data.backup)
    main.add_command(data.restore)
    main.add_command(keys.keys)
    main.add_command(ledger.expectations)
    main.add_command(journal.journal)
    main.add_command(search.search)
    main.add_command(practice.ladders)
    main.add_command(practice.practice)
    main.add_command(people.people)
    main.add_command(people.rupture)
    main.add_command(people.repair)
    main.add_command(report.report)
    main.add_command(measures.measures)
    main.add_command(circle.circle)
    main.add_command(circle.care)
    main.add_command(tokens.tokens)


_register()
