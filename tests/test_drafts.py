"""What a person has typed into a form and not saved is kept for them alone, encrypted, until
the form is saved — and a refused form says, first thing, what needs a look."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.drafts import services
from earned.drafts.models import Draft
from earned.exchange.services import erase_account
from earned.reflection.models import JournalEntry

pytestmark = pytest.mark.django_db

NEW_ENTRY = "/reflect/journal/new/"


def keep(
    client: Client,
    fields: list[list[str]],
    action: str = NEW_ENTRY,
    slot: str = "0",
    base: str = "9e3779b9",
) -> int:
    sent = {"action": action, "slot": slot, "fields": json.dumps(fields), "base": base}
    return client.post("/drafts/", sent).status_code


def kept(client: Client, action: str = NEW_ENTRY) -> list[dict[str, object]]:
    response = client.get("/drafts/", {"action": action})
    assert response.status_code == 200
    drafts: list[dict[str, object]] = response.json()["drafts"]
    return drafts


def test_a_draft_comes_back_to_its_writer_alone_and_is_stored_sealed(
    owner_client: Client, client_for: Callable[[User], Client], other_client: User
) -> None:
    words = "I almost told Jo how much the silence hurt"
    assert keep(owner_client, [["body", words], ["prompt", ""]]) == 204

    (draft,) = kept(owner_client)
    assert draft["fields"] == [["body", words], ["prompt", ""]]
    assert draft["base"] == "9e3779b9"  # the form it was written in, as the page drew it
    answer = owner_client.get("/drafts/", {"action": NEW_ENTRY})
    assert answer["Cache-Control"] == "no-store"  # never a copy in the browser's cache
    assert draft["slot"] == 0
    assert kept(client_for(other_client)) == []  # the same form, someone else: nothing
    assert Client().get("/drafts/", {"action": NEW_ENTRY}).status_code == 403
    with connection.cursor() as cursor:
        cursor.execute("SELECT fields FROM drafts_draft")
        (stored,) = cursor.fetchone()
    assert stored.startswith("e1.")
    assert "silence" not in stored


def test_keeping_again_replaces_the_draft_and_each_form_on_a_page_has_its_own(
    owner_client: Client,
) -> None:
    keep(owner_client, [["body", "first words"]])
    keep(owner_client, [["body", "first words, and more"]])
    keep(owner_client, [["body", "the second form"]], slot="1")
    assert [draft["fields"] for draft in kept(owner_client)] == [
        [["body", "first words, and more"]],
        [["body", "the second form"]],
    ]
    owner_client.post("/drafts/", {"action": NEW_ENTRY, "slot": "1", "forget": "1"})
    assert [draft["slot"] for draft in kept(owner_client)] == [0]


def test_saving_the_form_forgets_its_draft_and_a_refused_one_keeps_it(
    owner_client: Client, owner: User
) -> None:
    keep(owner_client, [["body", ""]])
    refused = owner_client.post(NEW_ENTRY, {"body": "", "earned-draft": "1"})
    assert refused.status_code in (200, 400)
    assert len(kept(owner_client)) == 1  # nothing saved: the draft is still there

    keep(owner_client, [["body", "It went better than I feared."]])
    saved = owner_client.post(
        NEW_ENTRY, {"body": "It went better than I feared.", "earned-draft": "1"}
    )
    assert saved.status_code == 302
    assert JournalEntry.objects.filter(owner=owner).count() == 1
    assert kept(owner_client) == []


def test_a_form_refused_on_the_next_page_keeps_its_draft(owner_client: Client, owner: User) -> None:
    made = owner_client.post("/people/new/", {"name": "Jo", "feels_safe": "50"})
    person = made["Location"].strip("/").split("/")[-1]
    rate = f"/people/{person}/safety/"
    keep(owner_client, [["feels_safe", "500"]], action=rate)
    refused = owner_client.post(rate, {"feels_safe": "500", "earned-draft": "1"})
    assert refused.status_code == 302  # back to the person's page, with a message
    assert len(kept(owner_client, rate)) == 1
    owner_client.post(rate, {"feels_safe": "50", "earned-draft": "1"})
    assert kept(owner_client, rate) == []


def test_saving_one_form_leaves_the_drafts_of_others(owner_client: Client) -> None:
    keep(owner_client, [["text", "another form's words"]], action="/expectations/new/")
    owner_client.post(NEW_ENTRY, {"body": "Saved straight away.", "earned-draft": "1"})
    assert len(kept(owner_client, "/expectations/new/")) == 1


@pytest.mark.parametrize(
    ("action", "fields", "reason"),
    [
        ("https://elsewhere.example/", [["body", "x"]], "not a form of Earned"),
        ("/no/such/page/", [["body", "x"]], "not a form of Earned"),
        ("/drafts/", [["body", "x"]], "not a form of Earned"),
        ("/api/v1/journal/", [["body", "x"]], "not a form of Earned"),
        (NEW_ENTRY, [["body"]], "could not be read"),
        (NEW_ENTRY, {"body": "x"}, "could not be read"),
        (NEW_ENTRY, [["body", "x" * services.MOST_CHARACTERS]], "longer than Earned keeps"),
        (NEW_ENTRY, [["body", "x"]], "could not be read"),  # with a base no page makes
    ],
)
def test_it_refuses_what_no_form_of_earned_could_send(
    owner_client: Client, action: str, fields: object, reason: str
) -> None:
    base = "<script>" if reason == "could not be read" and fields == [["body", "x"]] else "ab12"
    sent = {"action": action, "slot": "0", "fields": json.dumps(fields), "base": base}
    response = owner_client.post("/drafts/", sent)
    assert response.status_code == 400
    assert reason in response.json()["message"]
    assert not Draft.objects.exists()


def test_drafts_are_forgotten_after_a_month_and_the_oldest_go_first(owner: User) -> None:
    from earned.privacy import keyring, keys
    from tests.conftest import PASSPHRASE

    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        old = services.keep(owner, "/expectations/new/", 0, [("text", "weeks ago")])
        Draft.objects.filter(pk=old.pk).update(
            saved_at=timezone.now() - datetime.timedelta(days=services.DRAFT_DAYS, minutes=1)
        )
        assert services.found(owner, NEW_ENTRY) == []
        assert not Draft.objects.filter(pk=old.pk).exists()

        for slot in range(services.MOST_DRAFTS + 2):
            services.keep(owner, NEW_ENTRY, slot % 50, [("body", str(slot))])
        for n in range(services.MOST_DRAFTS + 1):
            services.keep(owner, f"/reflect/journal/{'0' * 8}-0000-0000-0000-{n:012d}/edit/", 0, [])
        assert Draft.objects.filter(owner=owner).count() == services.MOST_DRAFTS
        assert not services.found(owner, NEW_ENTRY)  # the oldest, gone first


def test_erasing_the_account_erases_its_drafts(owner_client: Client, owner: User) -> None:
    keep(owner_client, [["body", "unsaved"]])
    erase_account(owner)
    assert not Draft.objects.exists()


def test_a_refused_form_opens_on_its_summary_with_a_link_to_each_field(
    owner_client: Client,
) -> None:
    body = owner_client.post(
        "/expectations/new/", {"text": "", "feels_true": "80", "think_true": "40"}
    ).content.decode()
    summary = re.search(r'<div class="form-errors"[^>]*>(.*?)</div>', body, re.S)
    assert summary is not None
    assert 'tabindex="-1" autofocus' in summary.group(0)
    links = dict(re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary.group(1)))
    assert links  # each field that needs a look, by name
    for target in links:
        assert f'id="{target}"' in body  # …leads to the field itself


def test_a_choice_group_with_a_message_is_described_by_it(owner_client: Client) -> None:
    body = owner_client.post(
        "/expectations/new/",
        {"text": "If I ask, they leave", "feels_true": "80", "think_true": "40", "wound": "x"},
    ).content.decode()
    assert '<div id="id_wound_error">' in body
    (group,) = re.findall(r'<fieldset aria-describedby="([^"]+)">\s*<legend>Where it comes', body)
    assert "id_wound_error" in group.split()  # a screen reader hears it with the group


def test_a_draft_says_when_it_was_kept_as_a_person_would(owner_client: Client) -> None:
    keep(owner_client, [["body", "words"]])
    (draft,) = kept(owner_client)
    assert re.fullmatch(r"today at \d\d:\d\d", str(draft["saved"]))
    Draft.objects.update(saved_at=timezone.now() - datetime.timedelta(days=1))
    assert str(kept(owner_client)[0]["saved"]).startswith("yesterday at ")
    ten_days_ago = (timezone.now() - datetime.timedelta(days=10)).replace(hour=17, minute=33)
    Draft.objects.update(saved_at=ten_days_ago)  # the person's zone is UTC
    (draft,) = kept(owner_client)
    assert draft["saved"] == ten_days_ago.strftime("on %A %-d %B at 17:33")


def test_the_same_form_kept_from_two_tabs_at_once_keeps_one_draft(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from earned.privacy import keyring, keys
    from tests.conftest import PASSPHRASE

    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        first = services.keep(owner, NEW_ENTRY, 0, [("body", "from the first tab")])
        # The second tab looked before the first one's draft was there.
        monkeypatch.setattr("django.db.models.query.QuerySet.first", lambda queryset: None)
        second = services.keep(owner, NEW_ENTRY, 0, [("body", "from the second tab")])
        monkeypatch.undo()
        assert second.pk == first.pk
        assert services.fields_of(Draft.objects.get()) == [("body", "from the first tab")]
