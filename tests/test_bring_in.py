"""Bringing in another app's export (earned/exchange/arrivals.py): read, looked over, then all
of it or none of it — from Settings and from the terminal; sealed while it waits; never twice;
never anyone else's."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.exchange import arrivals
from earned.exchange.models import Arrival
from earned.privacy import keyring, keys
from earned.privacy.fields import WRITING_LIMIT
from earned.reflection.models import JournalEntry
from earned.rituals.models import CheckIn
from earned.search import services as search
from tests.conftest import PASSPHRASE, Runner, make_person, sign_in
from tests.test_other_apps import DAY_ONE, DAYLIO_CSV, JOURNIV_MOMENTS, JRNL, zipped

pytestmark = pytest.mark.django_db
DUBLIN = ZoneInfo("Europe/Dublin")  # the owner's zone (conftest)


def upload(client: Client, data: bytes, name: str = "daylio_export.csv") -> Any:
    return client.post(
        "/settings/bring-in/", {"step": "read", "export": SimpleUploadedFile(name, data)}
    )


def chosen(page: str, name: str) -> str:
    """The value a page's <select name=…> starts at."""
    select = re.search(rf'<select name="{name}".*?</select>', page, re.DOTALL)
    assert select is not None, f"no {name} on the page"
    option = re.search(r'<option value="([^"]*)" selected>', select.group())
    assert option is not None
    return option.group(1)


def what_came_in(user: User) -> tuple[list[tuple[datetime.datetime, int | None]], list[str]]:
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        check_ins = [(c.at, c.mood) for c in owned(CheckIn, user).order_by("at")]
        entries = [e.body for e in owned(JournalEntry, user).order_by("at")]
    return check_ins, entries


def test_a_daylio_file_is_looked_over_then_brought_in_as_check_ins_and_entries(
    owner: User, owner_client: Client
) -> None:
    assert b"Where to find the file" in owner_client.get("/settings/bring-in/").content
    assert upload(owner_client, DAYLIO_CSV.encode())["Location"] == "/settings/bring-in/"
    page = owner_client.get("/settings/bring-in/").content.decode()
    assert "From Daylio: 3 moments, from 30 April 2024 to 2 May 2024" in page
    assert "1 journal entry" in page
    assert "up to 3 mid-day check-ins" in page
    assert "1 moment with no mood or words" in page  # what stays behind
    assert "Dinner with Sam" in page  # the first few, to recognise the file by
    # Each mood word offered with Earned's guess; a word it does not know, without a number.
    assert (chosen(page, "mood-0"), chosen(page, "mood-1"), chosen(page, "mood-2")) == (
        "4", "", "-4"
    )  # fmt: skip
    assert Arrival.objects.filter(owner=owner).exists()
    assert not owned(JournalEntry, owner).exists()  # nothing saved while it is looked over

    # rad stays +4, "sleepy" is left without a number, awful is changed to −3.
    done = owner_client.post(
        "/settings/bring-in/", {"step": "bring", "mood-0": "4", "mood-1": "", "mood-2": "-3"}
    )
    assert done["Location"] == "/reflect/journal/"
    said = [str(m) for m in get_messages(done.wsgi_request)]
    assert said == ["Brought in 2 journal entries and 2 check-ins from Daylio."]
    check_ins, entries = what_came_in(owner)
    assert check_ins == [
        (datetime.datetime(2024, 4, 30, 12, 0, tzinfo=DUBLIN), -3),
        (datetime.datetime(2024, 5, 2, 21, 41, tzinfo=DUBLIN), 4),
    ]
    assert entries == [
        "Mood in Daylio: sleepy",
        "Dinner with Sam\n\nSaid what I needed.\nThey listened & stayed.\n\n"
        "Activities: friends, walk",
    ]
    assert {c.day for c in owned(CheckIn, owner)} == {
        datetime.date(2024, 4, 30), datetime.date(2024, 5, 2)
    }  # fmt: skip
    assert not Arrival.objects.filter(owner=owner).exists()
    found = owner_client.get("/search/", {"q": "listened"}).content.decode()
    assert "Dinner with Sam" in found  # in the index at once


def test_the_same_file_again_brings_nothing_twice(owner: User, owner_client: Client) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    owner_client.post("/settings/bring-in/", {"step": "bring", "mood-1": "", "mood-0": "4"})
    before = what_came_in(owner)
    upload(owner_client, DAYLIO_CSV.encode())
    page = owner_client.get("/settings/bring-in/").content.decode()
    assert "Everything in this file is here already" in page
    assert "3 moments came in before and are left out" in page
    assert 'value="bring"' not in page  # nothing to bring
    owner_client.post("/settings/bring-in/", {"step": "bring"})
    assert what_came_in(owner) == before


@pytest.mark.parametrize(
    ("name", "data", "entries", "moods"),
    [
        ("Export.zip", zipped({"Journal.json": DAY_ONE}), 1, []),
        ("journal.json", json.dumps(JRNL).encode(), 2, []),
        ("journiv.zip", zipped({"data.json": JOURNIV_MOMENTS}), 1, [2, -2]),
    ],
)
def test_day_one_jrnl_and_journiv_come_in_through_the_same_steps(
    owner: User, owner_client: Client, name: str, data: bytes, entries: int, moods: list[int]
) -> None:
    upload(owner_client, data, name)
    page = owner_client.get("/settings/bring-in/").content.decode()
    assert "Before anything comes in" in page
    fields = {f"mood-{n}": chosen(page, f"mood-{n}") for n in range(len(moods))}
    owner_client.post("/settings/bring-in/", {"step": "bring", **fields})
    check_ins, bodies = what_came_in(owner)
    assert len(bodies) == entries
    assert sorted(m for _, m in check_ins if m is not None) == sorted(moods)


def test_while_it_waits_every_word_is_sealed(owner: User, owner_client: Client) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT found, app FROM exchange_arrival")
        (sealed, app), *_ = cursor.fetchall()
    assert app == "daylio"
    assert "Dinner" not in sealed
    assert "sleepy" not in sealed
    assert "rad" not in sealed.split(".")


def test_a_file_it_cannot_read_is_refused_kindly_and_nothing_held(
    owner: User, owner_client: Client
) -> None:
    response = upload(owner_client, b"just some words\n", "notes.txt")
    assert response.status_code == 400
    page = response.content.decode()
    assert "could not tell which app made this file" in page
    assert "Nothing was brought in." in page
    assert not Arrival.objects.filter(owner=owner).exists()
    empty = owner_client.post("/settings/bring-in/", {"step": "read"})
    assert empty.status_code == 400
    assert "Please choose the file your other app exported." in empty.content.decode()


def test_letting_a_file_go_brings_nothing_in(owner: User, owner_client: Client) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    owner_client.post("/settings/bring-in/", {"step": "let-go"})
    assert not Arrival.objects.filter(owner=owner).exists()
    assert what_came_in(owner) == ([], [])
    late = owner_client.post("/settings/bring-in/", {"step": "bring"}, follow=True)
    assert "no longer waiting here" in late.content.decode()


def test_a_file_waits_a_day_at_most(owner: User, owner_client: Client) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    Arrival.objects.update(read_at=timezone.now() - datetime.timedelta(days=1, minutes=1))
    assert b"Read the file" in owner_client.get("/settings/bring-in/").content
    assert not Arrival.objects.exists()


def test_no_one_else_sees_or_brings_in_a_persons_file(
    owner: User, owner_client: Client, client_for: object
) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    other = make_person("robin", "Robin")
    other_client = sign_in(Client(), other)
    page = other_client.get("/settings/bring-in/").content.decode()
    assert "Read the file" in page
    assert "Dinner" not in page
    other_client.post("/settings/bring-in/", {"step": "bring"})
    assert not owned(JournalEntry, other).exists()
    assert Arrival.objects.filter(owner=owner).exists()
    assert Client().get("/settings/bring-in/").status_code == 302  # to sign in


def test_all_or_nothing_when_writing_fails_part_way(
    owner: User, owner_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload(owner_client, DAYLIO_CSV.encode())
    indexed = search.index_new

    def fails_on_entries(user: User, rows: list[object]) -> None:
        if isinstance(rows[0], JournalEntry):
            raise RuntimeError("the disk is full")
        indexed(user, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "index_new", fails_on_entries)
    owner_client.raise_request_exception = False
    assert owner_client.post("/settings/bring-in/", {"step": "bring"}).status_code == 500
    assert what_came_in(owner) == ([], [])  # the check-ins written first are gone too
    assert Arrival.objects.filter(owner=owner).exists()  # and the file still waits


def test_words_past_an_entrys_length_come_in_as_consecutive_entries(owner: User) -> None:
    long_note = ("A line of what happened today.\n" * 2000).strip()
    csv = f'full_date,time,mood,note\n2024-01-02,10:00,,"{long_note}"\n'
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        arrival = arrivals.read(owner, csv.encode())
        brought = arrivals.bring_in(owner, arrival, {})
        bodies = [e.body for e in owned(JournalEntry, owner).order_by("body")]
    assert brought.entries == 2
    assert len(long_note) > WRITING_LIMIT
    assert all(len(body) <= WRITING_LIMIT for body in bodies)
    assert sorted("".join(bodies)) == sorted(long_note)


def test_the_terminal_shows_the_file_then_brings_it_in_when_told(
    owner: User, earned: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO_CSV)
    declined = earned("bring-in", str(path), typed="n\n")
    assert declined.exit_code == 1
    assert "Bringing in asks first; run it in a terminal, or add --yes." in declined.output
    assert what_came_in(owner) == ([], [])

    done = earned("bring-in", str(path), "--mood", "sleepy=-1", "--yes")
    assert done.exit_code == 0, done.output
    assert "From Daylio: 3 moments, 30 April 2024 to 2 May 2024." in done.output
    assert "rad     (1)  → +4" in done.output
    assert "sleepy  (1)  → -1" in done.output
    assert "Brought in 1 journal entry and 3 check-ins from Daylio." in done.output
    assert sorted(mood for _, mood in what_came_in(owner)[0] if mood is not None) == [-4, -1, 4]

    again = earned("bring-in", str(path), "--yes")
    assert "here already" in again.output
    assert again.exit_code == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--mood", "rad=9"], "--mood rad=9: give a mood word and a number from -5 to 5"),
        (["--mood", "=2"], "--mood =2: give a mood word"),
        (["--mood", "dreamy=2"], "--mood dreamy: the file has no mood word 'dreamy'."),
    ],
)
def test_the_terminal_refuses_in_one_line(
    earned: Runner, tmp_path: Path, args: list[str], says: str
) -> None:
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO_CSV)
    result = earned("bring-in", str(path), *args, "--yes")
    assert result.exit_code != 0
    assert says in result.output
    assert "Traceback" not in result.output
    missing = earned("bring-in", str(tmp_path / "gone.csv"))
    assert missing.exit_code != 0
    assert "Cannot read" in missing.output
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello\n")
    assert "could not tell which app" in earned("bring-in", str(wrong)).output
