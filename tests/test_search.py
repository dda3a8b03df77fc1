"""Search across everything a person wrote, though every word of it is encrypted at rest."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.exchange import services as exchange
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from earned.records import saving as records
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift, Turn
from earned.rituals import services as rituals
from earned.rituals.models import CheckIn
from earned.search import finding
from earned.search import services as search
from earned.search.models import Entry, Indexed, Term
from tests.conftest import PASSPHRASE, make_person
from tests.pages import page, queries_for

pytestmark = pytest.mark.django_db

WHEN = timezone.now() - datetime.timedelta(days=3)


@pytest.fixture
def unlocked(owner: User) -> Iterator[User]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        yield owner


def one_of_each(owner: User, word: str) -> None:
    """An entry of every searchable kind, each holding `word` somewhere."""
    ledger.add_expectation(owner, f"If I need {word}, they leave", feels_true=80, think_true=40)
    ledger.save_experience(
        owner,
        Experience(situation="Dinner with Jo", happens_at=WHEN),
        emotions=[ledger.NamedEmotion("", f"{word}-ish", 40)],
    )
    rituals.save_check_in(
        owner,
        CheckIn(kind="evening", at=WHEN),
        lines=[rituals.Line("Priya", "friend", f"Talked about {word}", 1)],
    )
    reflection.save_entry(owner, JournalEntry(body=f"A long day.\nThen {word} at the window."))
    reflection.save_dialogue(
        owner, Dialogue(first_voice="Critic", second_voice="Kind"), [(Turn.SECOND, word)]
    )
    reflection.save_imagery(owner, Imagery(script="safe-place", note=f"I saw a {word}."))
    reflection.save_shift(
        owner, Shift(signal="No reply", verdict="Angry", reading_1="Busy", reading_2=word)
    )


def test_every_kind_of_entry_is_found_with_its_matches_marked(
    owner_client: Client, unlocked: User
) -> None:
    one_of_each(unlocked, "lantern")
    one_of_each(unlocked, "harbour")
    text = page(owner_client, "/search/?q=lantern")
    assert "7 entries with “lantern”" in text
    for label in ("Experiences", "Expectations", "Check-ins", "Journal", "Dialogues", "Imagery",
                  "Interpretation shifts"):  # fmt: skip
        assert f'<span class="tag hit__kind">{label}</span>' in text
    assert "<mark>lantern</mark>" in text
    assert "harbour" not in text


def test_every_word_must_be_in_the_same_entry(owner_client: Client, unlocked: User) -> None:
    reflection.save_entry(unlocked, JournalEntry(body="Jo asked how I was."))
    reflection.save_entry(unlocked, JournalEntry(body="Jo was away."))
    text = page(owner_client, "/search/?q=Jo+asked")
    assert "1 entry with" in text
    assert "<mark>Jo</mark> <mark>asked</mark> how I was." in text


def test_other_forms_of_a_word_are_found(owner_client: Client, unlocked: User) -> None:
    reflection.save_entry(unlocked, JournalEntry(body="I kept asking for reassurance."))
    assert "<mark>asking</mark>" in page(owner_client, "/search/?q=asked")
    assert "<mark>asking</mark>" in page(owner_client, "/search/?q=ASKS")


def test_filters_by_kind_and_by_date(owner_client: Client, unlocked: User) -> None:
    one_of_each(unlocked, "lantern")
    old = reflection.save_entry(unlocked, JournalEntry(body="An old lantern."))
    old.at = timezone.now() - datetime.timedelta(days=400)
    reflection.save_entry(unlocked, old)
    assert "2 entries with" in page(owner_client, "/search/?q=lantern&kind=journal")
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert "7 entries with" in page(owner_client, f"/search/?q=lantern&since={since}")
    until = (timezone.now() - datetime.timedelta(days=300)).date().isoformat()
    text = page(owner_client, f"/search/?q=lantern&until={until}")
    assert "1 entry with" in text
    assert "An old <mark>lantern</mark>." in text


def test_nothing_of_anyone_else_is_ever_found(
    owner_client: Client, unlocked: User, other_client: User
) -> None:
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        one_of_each(other_client, "lantern")
    text = page(owner_client, "/search/?q=lantern")
    assert "Nothing found for “lantern”" in text


def test_the_index_holds_no_words_and_the_same_word_differs_between_people(
    unlocked: User, other_client: User
) -> None:
    reflection.save_entry(unlocked, JournalEntry(body="lantern"))
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        reflection.save_entry(other_client, JournalEntry(body="lantern"))
    [mine] = Term.objects.filter(owner=unlocked).values_list("token", flat=True)
    [theirs] = Term.objects.filter(owner=other_client).values_list("token", flat=True)
    assert mine != theirs
    assert 0 <= mine < 2**63


def test_a_changed_entry_is_found_by_its_new_words_only(
    owner_client: Client, unlocked: User
) -> None:
    entry = reflection.save_entry(unlocked, JournalEntry(body="A grey morning."))
    owner_client.post(f"/reflect/journal/{entry.pk}/edit/", {"body": "A golden evening."})
    assert "Nothing found" in page(owner_client, "/search/?q=grey")
    assert "1 entry with" in page(owner_client, "/search/?q=golden")


def test_after_changes_and_deletions_the_index_is_what_a_rebuild_makes(
    unlocked: User, other_client: User
) -> None:
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        one_of_each(other_client, "lantern")  # the same words, someone else's: left alone
    one_of_each(unlocked, "lantern")
    entries = [reflection.save_entry(unlocked, JournalEntry(body=f"A grey morning {n}."))
               for n in range(3)]  # fmt: skip
    entries[0].body = "A golden evening, grey no more."
    reflection.save_entry(unlocked, entries[0])
    records.delete(unlocked, entries[1])

    def index() -> tuple[set[tuple[Any, ...]], ...]:
        records = dict(Entry.objects.values_list("pk", "record"))  # a lost entry: None
        terms = Term.objects.values_list("owner", "entry", "token")
        return (set(Entry.objects.values_list("owner", "record", "kind", "at")),
                {(owner, records.get(entry), token) for owner, entry, token in terms})  # fmt: skip

    kept = index()
    search.rebuild(unlocked)
    assert index() == kept


@pytest.mark.django_db(transaction=True)
def test_terms_are_kept_when_the_database_stops_checking_their_links(unlocked: User) -> None:
    """Migration 0004: on SQLite the table is made anew (twice) and keeps every term; on
    PostgreSQL the two checks are dropped. Either way no term is lost and searches still find."""
    one_of_each(unlocked, "lantern")
    found = finding.find(unlocked, "lantern").count
    assert found == 7  # one of each kind
    kept = set(Term.objects.values_list("owner", "token", "entry"))
    executor = MigrationExecutor(connection)
    executor.migrate([("search", "0003_terms_are_their_key")])
    executor.loader.build_graph()
    executor.migrate([("search", "0004_terms_unchecked_links")])
    assert set(Term.objects.values_list("owner", "token", "entry")) == kept
    with connection.cursor() as cursor:
        links = connection.introspection.get_relations(cursor, Term._meta.db_table)
    assert links == {}
    assert finding.find(unlocked, "lantern").count == found


def test_terms_are_kept_as_their_key_alone() -> None:
    """The key is the index a search walks; on SQLite the table is that key, with no row numbers
    beside it (a later migration that remade the table as a plain one would fail this)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # its introspection names a key's columns unordered
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [Term._meta.db_table])
            assert cursor.fetchone()[0].endswith(
                'PRIMARY KEY ("owner_id", "token", "entry_id")) WITHOUT ROWID'
            )
        else:
            constraints = connection.introspection.get_constraints(cursor, Term._meta.db_table)
            keys = [each["columns"] for each in constraints.values() if each["primary_key"]]
            assert keys == [["owner_id", "token", "entry_id"]]


def test_a_deleted_entry_is_no_longer_found(owner_client: Client, unlocked: User) -> None:
    entry = reflection.save_entry(unlocked, JournalEntry(body="A lantern."))
    owner_client.post(f"/reflect/journal/{entry.pk}/delete/")
    assert not Entry.objects.filter(record=entry.pk).exists()
    assert not Term.objects.filter(owner=unlocked).exists()
    assert "Nothing found" in page(owner_client, "/search/?q=lantern")


def test_an_entry_deleted_behind_the_index_is_forgotten(
    owner_client: Client, unlocked: User
) -> None:
    entry = reflection.save_entry(unlocked, JournalEntry(body="A lantern."))
    JournalEntry.objects.filter(pk=entry.pk).delete()  # as a cascade from elsewhere would
    assert "Nothing found" in page(owner_client, "/search/?q=lantern")
    assert not Entry.objects.filter(record=entry.pk).exists()
    assert not Term.objects.filter(owner=unlocked).exists()


def test_a_missing_or_older_index_is_built_on_first_search(
    owner_client: Client, unlocked: User
) -> None:
    one_of_each(unlocked, "lantern")
    Term.objects.all().delete()
    Entry.objects.all().delete()
    Indexed.objects.all().delete()
    assert "7 entries with" in page(owner_client, "/search/?q=lantern")
    assert Indexed.objects.get(owner=unlocked).version == search.VERSION
    Indexed.objects.filter(owner=unlocked).update(version=search.VERSION - 1)
    Term.objects.all().delete()
    Entry.objects.all().delete()
    assert "7 entries with" in page(owner_client, "/search/?q=lantern")


def terms_by_record(owner: User) -> set[tuple[Any, int]]:
    records = dict(Entry.objects.filter(owner=owner).values_list("pk", "record"))
    terms = Term.objects.filter(owner=owner).values_list("entry", "token")
    return {(records[entry], token) for entry, token in terms}


def test_an_index_made_after_an_update_shows_its_steps_then_the_results(
    owner_client: Client, unlocked: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_of_each(unlocked, "lantern")
    one_of_each(unlocked, "harbour")
    Indexed.objects.filter(owner=unlocked).update(version=search.VERSION - 1)
    step = search.build_step
    monkeypatch.setattr(search, "build_step", lambda owner: step(owner, seconds=0, at_once=2))
    steps = []
    for _ in range(30):
        text = page(owner_client, "/search/?q=lantern&kind=journal")
        if "Getting search ready" not in text:
            break
        assert '<input type="hidden" name="q" value="lantern">' in text  # Go on asks again
        assert '<input type="hidden" name="kind" value="journal">' in text
        done, of = re.search(r"(\d+) of (\d+) entries ready", text).groups()  # type: ignore[union-attr]
        steps.append((int(done), int(of)))
    assert len(steps) > 3
    assert [done for done, _ in steps] == sorted({done for done, _ in steps})  # always onwards
    assert {of for _, of in steps} == {14}
    assert "1 entry with “lantern”" in text
    assert Indexed.objects.get(owner=unlocked).version == search.VERSION
    made = terms_by_record(unlocked)
    search.rebuild(unlocked)
    assert terms_by_record(unlocked) == made


def test_an_entry_written_while_the_index_is_made_is_found_too(unlocked: User) -> None:
    one_of_each(unlocked, "lantern")
    Indexed.objects.filter(owner=unlocked).update(version=search.VERSION - 1)
    assert not search.build_step(unlocked, seconds=0, at_once=1).complete
    reflection.save_entry(unlocked, JournalEntry(body="A lantern by the door."))
    for _ in range(10):
        if search.build_step(unlocked, seconds=0, at_once=1).complete:
            break
    assert search.is_current(unlocked)
    assert finding.find(unlocked, "lantern").count == 8
    made = terms_by_record(unlocked)
    search.rebuild(unlocked)
    assert terms_by_record(unlocked) == made


def test_an_imported_export_is_searchable_at_once(unlocked: User) -> None:
    one_of_each(unlocked, "lantern")
    document = json.loads(json.dumps(exchange.export_document(unlocked)))
    exchange.erase_account(unlocked)
    newcomer = make_person("alex", "Alex")
    with keyring.using(keys.open_data_key(newcomer, PASSPHRASE)):
        exchange.import_document(newcomer, document)
        assert Indexed.objects.filter(owner=newcomer).exists()
        assert finding.find(newcomer, "lantern").count == 7


def test_a_search_of_only_common_words_says_so(owner_client: Client) -> None:
    assert "too common to search for" in page(owner_client, "/search/?q=the+and+I")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("🙂", "There is no word in that to search for"),
        ("💔 … !!", "There is no word in that to search for"),
        ("a" * 41, "That is longer than any word search keeps"),
        ("the " + "x" * 60, "That is longer than any word search keeps"),
    ],
)
def test_a_search_with_no_word_in_it_says_what_is_true(
    owner_client: Client, query: str, said: str
) -> None:
    text = page(owner_client, f"/search/?{urlencode({'q': query})}")
    assert said in text
    assert "too common" not in text


def test_an_empty_search_explains_what_can_be_found(owner_client: Client) -> None:
    text = page(owner_client, "/search/")
    assert "Find anything you have written" in text


def test_dates_the_wrong_way_round_are_explained(owner_client: Client) -> None:
    response = owner_client.get("/search/?q=lantern&since=2026-05-01&until=2026-04-01")
    assert response.status_code == 400
    text = response.content.decode()
    assert "please swap them" in text
    assert 'value="lantern"' in text  # what was typed is kept


def test_pages_of_results_keep_the_search(owner_client: Client, unlocked: User) -> None:
    for number in range(finding.PAGE_SIZE + 3):
        at = timezone.now() - datetime.timedelta(minutes=number)
        reflection.save_entry(unlocked, JournalEntry(body=f"Lantern number {number}.", at=at))
    text = page(owner_client, "/search/?q=lantern&kind=journal")
    assert f"{finding.PAGE_SIZE + 3} entries with" in text
    assert 'href="?q=lantern&amp;kind=journal&amp;page=2"' in text
    later = page(owner_client, "/search/?q=lantern&kind=journal&page=2")
    assert "<mark>Lantern</mark> number 22." in later  # the oldest, on the last page
    assert "number 0." not in later


def test_the_search_page_uses_a_fixed_number_of_queries(
    owner_client: Client, unlocked: User
) -> None:
    one_of_each(unlocked, "lantern")
    page(owner_client, "/search/?q=lantern")  # the index is complete from here on
    few = queries_for(owner_client, "/search/?q=lantern")
    for _ in range(2):
        one_of_each(unlocked, "lantern")
    assert queries_for(owner_client, "/search/?q=lantern") == few


def test_search_needs_signing_in(anonymous: Client) -> None:
    response = anonymous.get("/search/?q=lantern")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_erasing_an_account_erases_its_entries_and_index_and_nobody_elses(
    unlocked: User, other_client: User
) -> None:
    one_of_each(unlocked, "lantern")
    search.rebuild(unlocked)
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        one_of_each(other_client, "lantern")
        search.rebuild(other_client)
    before = exchange.rows_referencing(unlocked)
    for table in ("search.Term.owner", "search.Entry.owner", "search.Indexed.owner",
                  "reflection.JournalEntry.owner", "reflection.Turn.owner",
                  "reflection.Imagery.owner"):  # fmt: skip
        assert before.get(table), table
    theirs = exchange.rows_referencing(other_client)
    exchange.erase_account(unlocked)
    assert exchange.rows_referencing(unlocked) == {}
    assert exchange.rows_referencing(other_client) == theirs
