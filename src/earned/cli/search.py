"""`earned search`: find anything you wrote, from the terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.asking import refuse_first
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User
    from earned.core.words import Segment


NOTHING_SEARCHABLE = {
    "no-words": "There is no word in that to search for (emoji and punctuation are not kept); "
    "try a word from the entry.",
    "too-long": "That is longer than any word search keeps (over 40 letters); try a shorter "
    "word from the entry.",
    "only-common": "Those words are too common to search for; try a more particular word.",
}


def checked_search(
    terms: tuple[str, ...], kind: str | None, since: str | None, until: str | None, **_: Any
) -> dict[str, Any]:
    """The search's words and limits, checked before the passphrase is asked for."""
    from earned.search.forms import SearchForm

    query = " ".join(terms)
    form = SearchForm({"q": query, "kind": kind or "", "since": since, "until": until})
    if not form.is_valid():
        if "kind" in form.errors:
            known = ", ".join(name for name, _ in SearchForm.kind_choices() if name)
            fail(f"--kind: choose one of {known}.")
        refuse_first(form.errors, {"q": "--terms"})
    return {"form": form}


@click.command()
@click.argument("terms", nargs=-1, required=True)
@click.option(
    "--kind",
    help="Only this kind: experiences, expectations, check_ins, journal, dialogues, imagery, "
    "shifts, ladders, attempts, scripts, people or ruptures.",
)
@click.option("--since", metavar="YYYY-MM-DD", help="From this day on.")
@click.option("--until", metavar="YYYY-MM-DD", help="Up to and including this day.")
@click.option("--page", type=click.IntRange(min=1), default=1, help="Which page of results.")
@for_the_person(first=checked_search)
def search(
    user: User,
    terms: tuple[str, ...],
    kind: str | None,
    since: str | None,
    until: str | None,
    page: int,
    form: Any,
) -> None:
    """Find your entries that hold every one of TERMS, newest first, with the words marked.

    Other forms of a word count too: "ask" finds "asked" and "asking".
    """
    import zoneinfo

    from django.utils import timezone

    from earned.core.words import keys_of
    from earned.search import finding, services

    query = " ".join(terms)
    if keys_of([query]) and not services.is_current(user):
        _make_index(user)
    results = finding.find(
        user,
        query,
        kinds=[kind] if kind else [],
        since=form.cleaned_data["since"],
        until=form.cleaned_data["until"],
        page=page,
    )
    if not results.forms:
        fail(NOTHING_SEARCHABLE[results.nothing_searchable])
    if not results.count:
        click.echo(f"Nothing found for “{query}”.")
        return
    plural = "entry" if results.count == 1 else "entries"
    click.echo(f"{results.count} {plural} with “{query}”, newest first.\n")
    for hit in results.hits:
        day = timezone.localtime(hit.at, timezone=zoneinfo.ZoneInfo(user.timezone)).date()
        click.echo(f"{day:%Y-%m-%d}  {hit.kind.label}  {_shown(hit.title)}")
        if hit.excerpt:
            click.echo(f"    {_shown(hit.excerpt).replace(chr(10), ' ')}")
    assert results.page is not None
    pages = results.page.paginator.num_pages
    if pages > 1:
        more = f"; `--page {page + 1}` for more" if page < pages else ""
        click.echo(f"\nPage {min(page, pages)} of {pages}{more}.")


def _make_index(user: User) -> None:
    """Index every entry, with a progress bar: after an upgrade, years of entries take a while."""
    from earned.search import services

    records = services.searchable(user)
    if not records:
        return  # nothing to index: the search makes its empty index itself
    with click.progressbar(length=records, file=sys.stderr,
                           label="Making your search index (once)") as bar:  # fmt: skip
        services.rebuild(user, done=bar.update)


def _shown(segments: list[Segment]) -> str:
    """Matches in bold where the terminal shows it (click drops the styling elsewhere)."""
    return "".join(click.style(text, bold=True) if match else text for text, match in segments)
