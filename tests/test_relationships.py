"""People, presence, ruptures and repairs through the pages a person uses."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from earned.reflection.models import JournalEntry
from earned.relationships import services
from earned.relationships.models import Person, Presence, Repair, Rupture, Safety
from earned.search import finding
from earned.web.pages import PAGE_SIZE
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for, refused

pytestmark = pytest.mark.django_db


def someone(owner: User, name: str = "Jo", **fields: object) -> Person:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return services.save_person(owner, Person(name=name, role="partner", **fields), 60)


def a_rupture(owner: User, person: Person, days_ago: int = 3) -> Rupture:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return services.save_rupture(
            owner,
            Rupture(person=person, at=timezone.now() - datetime.timedelta(days=days_ago),
                    kind="quiet", intensity=3, trigger="The dishes"),
        )  # fmt: skip


def test_someone_is_added_rated_and_shows_up_in_two_taps(owner_client: Client) -> None:
    assert "Nobody here yet" in page(owner_client, "/people/")
    response = owner_client.post(
        "/people/new/", {"name": "Priya", "role": "friend", "safe_ally": "on", "feels_safe": "70"}
    )
    person = Person.objects.get()
    assert response["Location"] == f"/people/{person.pk}/"
    assert person.safe_ally
    assert list(Safety.objects.values_list("feels_safe", flat=True)) == [70]
    # From the list: one tap on the kind of presence, and it is noted.
    owner_client.post(f"/people/{person.pk}/showed-up/", {"showed": "reached", "next": "people"})
    owner_client.post(f"/people/{person.pk}/showed-up/", {"showed": "stayed"})
    assert list(Presence.objects.values_list("showed", flat=True).order_by("at")) == [
        "reached",
        "stayed",
    ]
    owner_client.post(f"/people/{person.pk}/safety/", {"feels_safe": "80"})
    text = page(owner_client, f"/people/{person.pk}/")
    assert "<strong>80%</strong>" in text
    assert "Stayed through something hard" in text
    assert '<span class="months__count months__count--some">2</span>' in text
    assert "Feels 80% safe · 2 times they showed up" in page(owner_client, "/people/")


def test_a_name_is_asked_for_kindly(owner_client: Client) -> None:
    text = refused(owner_client, "/people/new/", {"name": " ", "note": "From the choir"})
    assert "Please give a name, an initial or an alias." in text
    assert "From the choir" in text


def test_a_rupture_stays_open_gently_until_repaired_and_the_time_is_computed(
    owner_client: Client, owner: User
) -> None:
    person = someone(owner)
    text = page(owner_client, f"/ruptures/new/?person={person.pk}")
    assert 'name="kind" value=""' not in text  # every kind offered is a real choice
    assert "---------" not in text
    assert f'<option value="{person.pk}" selected>Jo</option>' in text
    owner_client.post(
        "/ruptures/new/",
        {"person": str(person.pk), "at": "2026-11-20T20:00", "setting": "therapy",
         "kind": "blame", "intensity": "4", "own_part": "I snapped", "their_part": "Late again",
         "noticed_by": "me"},
    )  # fmt: skip
    rupture = Rupture.objects.get()
    assert (rupture.setting, rupture.kind, rupture.intensity) == ("therapy", "blame", 4)
    text = page(owner_client, f"/people/{person.pk}/")
    assert "Still open, since 20 November 2026" in text
    assert 'href="/practice/scripts/#starter-repair-after">Words for repairing</a>' in text
    assert 'id="starter-repair-after"' in page(owner_client, "/practice/scripts/")
    owner_client.post(
        f"/ruptures/{rupture.pk}/repair/",
        {"at": "2026-11-22T08:00", "started_by": "them", "what": "Jo apologised first",
         "outcome": "repaired"},
    )  # fmt: skip
    text = page(owner_client, f"/ruptures/{rupture.pk}/")
    assert "about 36 hours after" in text or "about 2 days after" in text
    assert "· they started it · repaired</p>" in text
    assert "Still open" not in page(owner_client, f"/people/{person.pk}/")
    assert "Repair tried within a week</dt><dd>100%" in page(owner_client, "/ruptures/")


def test_a_rupture_needs_its_kind_and_size_and_keeps_what_was_typed(
    owner_client: Client, owner: User
) -> None:
    person = someone(owner)
    text = refused(
        owner_client,
        "/ruptures/new/",
        {"person": str(person.pk), "at": "2026-11-20T20:00", "trigger": "The phone call"},
    )
    assert "Please choose what happened, the closest is fine." in text
    assert "Please choose how big it felt." in text
    assert "The phone call" in text


def test_a_rupture_cannot_be_with_someone_else_s_person(
    owner_client: Client, owner: User, other_client: User
) -> None:
    theirs = someone(other_client, "Alex")
    refused(
        owner_client,
        "/ruptures/new/",
        {"person": str(theirs.pk), "at": "2026-11-20T20:00", "kind": "quiet", "intensity": "2"},
    )
    assert not Rupture.objects.exists()


def test_a_rupture_without_anyone_added_asks_for_a_person_first(owner_client: Client) -> None:
    assert "First add the person it was with" in page(owner_client, "/ruptures/new/")


def test_a_journal_entry_can_be_about_someone(owner_client: Client, owner: User) -> None:
    person = someone(owner, "Priya")
    assert "Is it about someone? (optional)" in page(owner_client, "/reflect/journal/new/")
    owner_client.post(
        "/reflect/journal/new/", {"body": "Walk with Priya", "people": [str(person.pk)]}
    )
    entry = JournalEntry.objects.get()
    assert list(entry.people.all()) == [person]
    assert f'<a href="/people/{person.pk}/">Priya</a>' in page(
        owner_client, f"/reflect/journal/{entry.pk}/"
    )
    owner_client.post(f"/reflect/journal/{entry.pk}/edit/", {"body": "Walk, alone"})
    assert not JournalEntry.objects.get().people.exists()  # unticked: no longer about her


def test_experiences_with_someone_show_on_their_page(owner_client: Client, owner: User) -> None:
    person = someone(owner)
    owner_client.post(
        "/experiences/log/",
        {"situation": "Asking Jo for help", "happens_at": "2026-11-20T18:00",
         "likelihood": "80", "person": str(person.pk), "happened": "Yes", "occurred": "10",
         "finish": "1"},
    )  # fmt: skip
    assert Experience.objects.get().person == person
    text = page(owner_client, f"/people/{person.pk}/")
    assert "Asking Jo for help" in text
    assert "70 points better than feared" in text


@pytest.mark.parametrize(("choice", "kept"), [("keep", 1), ("delete", 0)])
def test_deleting_someone_asks_and_keeps_their_experiences_unless_told(
    owner_client: Client, owner: User, choice: str, kept: int
) -> None:
    person = someone(owner)
    a_rupture(owner, person)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        ledger.save_experience(
            owner, Experience(situation="Dinner", person=person, happens_at=timezone.now())
        )
    text = page(owner_client, f"/people/{person.pk}/delete/")
    assert "They stay in your ledger, no longer linked to anyone" in text
    assert 'value="keep" checked' in text
    owner_client.post(f"/people/{person.pk}/delete/", {"experiences": choice})
    assert not Person.objects.exists()
    assert not Rupture.objects.exists()
    assert Experience.objects.count() == kept
    if kept:
        assert Experience.objects.get().person is None


def test_someone_can_be_put_away_and_brought_back(owner_client: Client, owner: User) -> None:
    person = someone(owner)
    owner_client.post(f"/people/{person.pk}/archive/")
    assert "Put-away people (1)" in page(owner_client, "/people/")
    owner_client.post(f"/people/{person.pk}/archive/", {"archived": "no"})
    assert "Put-away people" not in page(owner_client, "/people/")


def test_people_and_ruptures_are_found_by_search(owner_client: Client, owner: User) -> None:
    person = someone(owner, "Priya", note="From the choir")
    rupture = a_rupture(owner, person)
    owner_client.post(
        f"/ruptures/{rupture.pk}/repair/",
        {"at": "2026-11-29T08:00", "what": "We talked over tea", "outcome": "partly"},
    )
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert [hit.kind.name for hit in finding.find(owner, "choir").hits] == ["people"]
        assert [hit.kind.name for hit in finding.find(owner, "tea").hits] == ["ruptures"]


@pytest.mark.parametrize("url", ["/people/", "/ruptures/", "person"])
def test_relationship_pages_use_a_fixed_number_of_queries(
    owner_client: Client, owner: User, url: str
) -> None:
    first = someone(owner)
    path = f"/people/{first.pk}/" if url == "person" else url
    a_rupture(owner, first)
    services.showed_up(owner, first, "kept")
    few = queries_for(owner_client, path)
    for name in ("Priya", "Mum", "Tom"):
        other = someone(owner, name)
        a_rupture(owner, other)
        a_rupture(owner, first)
        services.showed_up(owner, other, "reached")
        services.showed_up(owner, first, "stayed")
    assert queries_for(owner_client, path) == few


def test_years_of_ruptures_come_a_page_at_a_time_under_markers_of_them_all(
    owner_client: Client, owner: User
) -> None:
    person = someone(owner)
    oldest = a_rupture(owner, person, days_ago=200)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        services.save_repair(owner, Repair(
            rupture=oldest, at=oldest.at + datetime.timedelta(days=2), started_by="me",
            what="We talked it through", outcome="repaired",
        ))  # fmt: skip
    for days_ago in range(8, 8 + PAGE_SIZE + 4):  # each older than a week: each counts
        a_rupture(owner, person, days_ago=days_ago)
    first = page(owner_client, "/ruptures/")
    assert first.count('class="card record record--compact"') == PAGE_SIZE
    assert "Page 1 of 2" in first
    assert oldest.get_absolute_url() not in first  # newest first: the oldest is further on
    second = page(owner_client, "/ruptures/?page=2")
    assert second.count('class="card record record--compact"') == 5
    assert oldest.get_absolute_url() in second
    # The markers count every rupture, whichever page is open: one of 25 repaired in a week.
    markers = "Repair tried within a week</dt><dd>4%"
    assert markers in first
    assert markers in second


def test_years_of_open_ruptures_offer_the_newest_few_and_say_how_many_more(
    owner_client: Client, owner: User
) -> None:
    person = someone(owner)
    for days_ago in (3, 40, 400, 800, 1200):
        a_rupture(owner, person, days_ago=days_ago)
    text = page(owner_client, f"/people/{person.pk}/")
    headings = re.findall(r"Still open, since ([^<]+)</h2>", text)
    newest = [timezone.localtime(timezone.now() - datetime.timedelta(days=days))
              for days in (3, 40, 400)]  # fmt: skip
    assert headings == [f"{when.day} {when:%B %Y}" for when in newest]
    assert "2 older ones are still open too" in text
    assert text.count('class="record--compact"') == 5  # every one is still in the list below
