"""Our weekly practice check-in, taken on one page, scored, charted and suggested gently."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.measures.models import Response
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for

pytestmark = pytest.mark.django_db

ANSWERS = {"item_1": "3", "item_2": "2", "item_3": "4", "item_4": "1", "item_5": "4"}


def test_the_practice_check_in_is_labelled_as_ours_and_invites_a_first_time(
    owner_client: Client,
) -> None:
    text = page(owner_client, "/insights/measures/")
    assert "Weekly practice check-in" in text
    assert "Written by us · not a validated questionnaire" in text
    assert "Not taken yet." in text
    assert 'href="/insights/measures/practice/">Take it now' in text
    # Today does not push a first one.
    assert "Weekly practice check-in" not in page(owner_client, "/")


def test_taking_it_scores_it_and_shows_it_over_time(owner_client: Client, owner: User) -> None:
    form = page(owner_client, "/insights/measures/practice/")
    assert "1. I felt safe enough to be myself with at least one person." in form
    assert form.count('type="radio"') == 5 * 5
    response = owner_client.post("/insights/measures/practice/", {**ANSWERS, "note": "Calmer."})
    assert response["Location"] == "/insights/measures/"
    saved = Response.objects.get()
    assert (saved.instrument, saved.total) == ("practice", 14.0)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert Response.objects.get().answers == {"1": 3, "2": 2, "3": 4, "4": 1, "5": 4}
    text = page(owner_client, "/insights/measures/")
    assert "Saved. Your score: 14 of 20. Thank you." in text
    assert "<td>14 of 20</td>" in text
    assert 'class="mini-chart__dot"' in text
    assert "Take it again" in text


def test_a_missing_answer_is_asked_for_kindly_and_nothing_is_lost(owner_client: Client) -> None:
    partial = {key: value for key, value in ANSWERS.items() if key != "item_4"}
    response = owner_client.post("/insights/measures/practice/", {**partial, "note": "Keep me"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Please choose an answer for this one." in text
    assert re.search(r'<input type="radio" name="item_5" value="4"[^>]*checked', text)
    assert "Keep me" in text
    assert not Response.objects.exists()


def test_a_week_later_today_suggests_it_gently(owner_client: Client, owner: User) -> None:
    owner_client.post("/insights/measures/practice/", ANSWERS)
    assert "It is time for it again" not in page(owner_client, "/")
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=8))
    text = page(owner_client, "/")
    assert "It is time for it again" in text
    assert 'href="/insights/measures/practice/">Take it' in text


def test_others_answers_never_show_and_unknown_questionnaires_are_not_found(
    owner_client: Client, client_for: object, other_client: User
) -> None:
    theirs = client_for(other_client)  # type: ignore[operator]
    theirs.post("/insights/measures/practice/", ANSWERS)
    assert "Not taken yet." in page(owner_client, "/insights/measures/")
    assert owner_client.get("/insights/measures/phq-9/").status_code == 404


def test_words_that_sound_like_crisis_in_the_note_bring_the_notice(owner_client: Client) -> None:
    response = owner_client.post(
        "/insights/measures/practice/", {**ANSWERS, "note": "I want to die."}, follow=True
    )
    assert "Saved. And we noticed something in your words." in response.content.decode()


def test_the_page_takes_the_same_queries_however_often_it_was_taken(
    owner_client: Client,
) -> None:
    owner_client.post("/insights/measures/practice/", ANSWERS)
    few = queries_for(owner_client, "/insights/measures/")
    for _ in range(5):
        owner_client.post("/insights/measures/practice/", ANSWERS)
    assert queries_for(owner_client, "/insights/measures/") == few


def test_how_often_it_is_suggested_is_the_persons_choice(owner_client: Client, owner: User) -> None:
    owner_client.post("/insights/measures/practice/", ANSWERS)
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=8))
    owner_client.post("/insights/measures/practice/schedule/", {"every_days": "14"})
    assert "Noted: it will be suggested then." in page(owner_client, "/insights/measures/")
    assert "It is time for it again" not in page(owner_client, "/")  # 8 days < two weeks
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=15))
    assert "It is time for it again" in page(owner_client, "/")
    owner_client.post("/insights/measures/practice/schedule/", {"every_days": "0"})
    assert "It is time for it again" not in page(owner_client, "/")
    assert '<option value="0" selected>Never</option>' in page(owner_client, "/insights/measures/")
    assert owner_client.get("/insights/measures/practice/schedule/").status_code == 405
    response = owner_client.post("/insights/measures/nope/schedule/", {"every_days": "7"})
    assert response.status_code == 404
