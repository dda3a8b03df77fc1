"""The working model and the experience ledger, through the pages a person uses."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import TypeVar

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.core import belief
from earned.ledger import services, views
from earned.ledger.models import Emotion, Expectation, Experience, Rating
from earned.privacy import keyring, keys
from earned.records import saving as records
from tests.conftest import PASSPHRASE
from tests.pages import page, refused

pytestmark = pytest.mark.django_db
RecordT = TypeVar("RecordT", Expectation, Experience, Rating)

EXPECTATION = "When I ask for help, people get annoyed."


@pytest.fixture
def unlocked(owner: User) -> Iterator[User]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        yield owner


def an_expectation(owner: User, text: str = EXPECTATION, feels: int = 80) -> Expectation:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return services.add_expectation(owner, text, feels_true=feels, think_true=40)


def an_experience(
    owner: User,
    expectation: Expectation | None = None,
    *,
    likelihood: int = 80,
    occurred: int | None = None,
    days_ago: int = 1,
) -> Experience:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        experience = Experience(
            situation="Asking Maya to help me move",
            feared="She sighs and says she is busy",
            likelihood=likelihood,
            happens_at=timezone.now() - datetime.timedelta(days=days_ago),
            occurred=occurred,
            happened="She said yes straight away" if occurred is not None else None,
        )
        return services.save_experience(
            owner,
            experience,
            expectations=[expectation] if expectation else [],
            finish=occurred is not None,
        )


def reload(record: RecordT) -> RecordT:
    """The row as stored now (refresh_from_db would open encrypted text, which needs a key)."""
    return type(record)._default_manager.get(pk=record.pk)


# --- Expectations -----------------------------------------------------------------------------


def test_naming_an_expectation_keeps_its_first_rating(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/expectations/new/",
        {"text": EXPECTATION, "feels_true": "85", "think_true": "30", "wound": "abandonment"},
    )
    expectation = Expectation.objects.get(owner=owner)
    assert response["Location"] == f"/expectations/{expectation.pk}/"
    rating = Rating.objects.get(expectation=expectation)
    assert (rating.feels_true, rating.think_true) == (85, 30)
    text = page(owner_client, response["Location"])
    assert EXPECTATION.replace("'", "&#x27;") in text
    assert "You have not tested this one yet; it feels 85% true." in text


def test_a_missing_expectation_is_asked_for_kindly_and_nothing_is_lost(
    owner_client: Client,
) -> None:
    text = refused(
        owner_client, "/expectations/new/", {"text": " ", "feels_true": "140", "think_true": "30"}
    )
    assert "Please write the expectation down." in text
    assert "Please choose a number from 0 to 100." in text
    assert 'value="30"' in text  # what was typed is still there
    assert not Expectation.objects.exists()


def test_their_own_word_is_needed_when_they_choose_their_own(owner_client: Client) -> None:
    response = owner_client.post(
        "/expectations/new/",
        {"text": EXPECTATION, "feels_true": "50", "think_true": "50", "wound": "own"},
    )
    assert "Please write your own word" in response.content.decode()


def test_re_rating_adds_to_the_history(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    response = owner_client.post(
        f"/expectations/{expectation.pk}/rate/", {"feels_true": "60", "think_true": "20"}
    )
    assert response.status_code == 302
    assert [r.feels_true for r in expectation.ratings.all()] == [80, 60]


def test_archiving_keeps_everything_and_can_be_undone(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    owner_client.post(f"/expectations/{expectation.pk}/archive/")
    expectation = reload(expectation)
    assert expectation.archived_at is not None
    assert "Archived (1)" in page(owner_client, "/expectations/")
    owner_client.post(f"/expectations/{expectation.pk}/archive/")
    expectation = reload(expectation)
    assert expectation.archived_at is None


def test_the_expectation_page_shows_the_evidence_and_the_chart(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner, feels=70)
    for days_ago in (3, 2, 1):
        an_experience(owner, expectation, likelihood=80, occurred=10, days_ago=days_ago)
    text = page(owner_client, f"/expectations/{expectation.pk}/")
    assert "Of the 3 times you tested this, the feared outcome mostly didn’t happen" in text
    assert "it still feels 70% true." in text
    assert '<svg viewBox="0 0 640 260" role="img"' in text
    assert text.count('class="chart__happened"') == 3
    assert "The numbers behind the chart" in text  # the table for screen readers


def test_the_working_model_weighs_each_finished_test_as_the_belief_model_does(
    owner: User, other_client: User
) -> None:
    expectation = an_expectation(owner, feels=70)
    finished = [
        an_experience(owner, expectation, likelihood=80, occurred=occurred, days_ago=days)
        for days, occurred in ((5, 10), (4, 90), (3, 0), (2, 10))
    ]
    an_experience(owner, expectation, days_ago=1)  # planned: not evidence yet
    an_experience(other_client, an_expectation(other_client), occurred=100)  # someone else's
    [summary] = services.working_model(owner)
    outcomes = [services.outcome(each) for each in finished]
    one_by_one = belief.estimate(70, [each for each in outcomes if each is not None])
    added_up = summary.estimate
    assert (added_up.mean, added_up.low, added_up.high) == pytest.approx(
        (one_by_one.mean, one_by_one.low, one_by_one.high)
    )
    assert added_up.tested == one_by_one.tested == 4


# --- Experiences ------------------------------------------------------------------------------


def test_plan_then_debrief_as_a_draft_then_finish(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    response = owner_client.post(
        "/experiences/plan/",
        {
            "situation": "Asking Maya to help me move",
            "expectations": [str(expectation.pk)],
            "happens_at": "2026-11-20T18:00",
            "feared": "She sighs",
            "likelihood": "80",
        },
    )
    experience = Experience.objects.get(owner=owner)
    assert response["Location"] == f"/experiences/{experience.pk}/"
    assert list(experience.expectations.all()) == [expectation]
    assert experience.status == "planned"
    assert "Ready to debrief" in page(owner_client, "/")

    draft = owner_client.post(
        f"/experiences/{experience.pk}/debrief/",
        {"draft": "1", "happened": "She said yes", "emotion_0": "relieved"},
    )
    assert draft.status_code == 302
    experience = reload(experience)
    assert experience.status == "draft"
    assert Emotion.objects.get(experience=experience).intensity == 50

    unfinished = owner_client.post(
        f"/experiences/{experience.pk}/debrief/", {"finish": "1", "happened": "She said yes"}
    )
    assert unfinished.status_code == 400
    assert "Please choose how much of it happened" in unfinished.content.decode()
    assert "She said yes" in unfinished.content.decode()

    owner_client.post(
        f"/experiences/{experience.pk}/debrief/",
        {"finish": "1", "happened": "She said yes", "occurred": "5", "felt": "true",
         "responses": ["asked", "stayed"], "emotion_0": "relieved", "emotion_0_intensity": "70"},
    )  # fmt: skip
    experience = reload(experience)
    assert experience.status == "done"
    assert experience.violation == 75
    assert experience.response_keys == ["asked", "stayed"]
    text = page(owner_client, f"/experiences/{experience.pk}/")
    assert "What you expected" in text
    assert "What happened" in text
    assert "This went better than you feared" in text  # the gentle discounting question
    assert "Now, how true does it feel?" in text
    assert "Relieved (70)" in text


def test_planning_from_an_expectation_ticks_it_and_a_bad_link_is_harmless(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    ticked = page(owner_client, f"/experiences/plan/?expectation={expectation.pk}")
    assert f'value="{expectation.pk}" id="id_expectations_0" checked' in ticked
    assert "checked" not in page(owner_client, "/experiences/plan/?expectation=nonsense")


def test_a_re_rating_after_a_debrief_is_linked_to_it(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    experience = an_experience(owner, expectation, occurred=0)
    owner_client.post(
        f"/experiences/{experience.pk}/rerate/{expectation.pk}/",
        {"feels_true": "65", "think_true": "20"},
    )
    assert expectation.ratings.last().experience == experience  # type: ignore[union-attr]


def test_the_discounting_answer_is_recorded(owner_client: Client, owner: User) -> None:
    experience = an_experience(owner, an_expectation(owner), likelihood=90, occurred=10)
    owner_client.post(
        f"/experiences/{experience.pk}/discounting/",
        {"explained_away": "partly", "explained_away_how": "She was just being polite"},
    )
    experience = reload(experience)
    assert experience.explained_away == "partly"
    text = page(owner_client, f"/experiences/{experience.pk}/")
    assert "This went better than you feared" not in text  # asked once, answered


def test_logging_a_past_experience_in_one_go(owner_client: Client, owner: User) -> None:
    owner_client.post(
        "/experiences/log/",
        {"finish": "1", "situation": "Said no to extra work", "happens_at": "2026-11-01T10:00",
         "likelihood": "70", "happened": "My manager said fine", "occurred": "0"},
    )  # fmt: skip
    experience = Experience.objects.get(owner=owner)
    assert experience.status == "done"
    assert experience.violation == 70


def test_the_ledger_filters(owner_client: Client, owner: User) -> None:
    first, second = an_expectation(owner, "One"), an_expectation(owner, "Two")
    an_experience(owner, first, occurred=10)
    an_experience(owner, second)
    assert page(owner_client, "/experiences/").count('class="card record record--compact"') == 2
    only_first = page(owner_client, f"/experiences/?expectation={first.pk}")
    assert only_first.count('class="card record record--compact"') == 1
    waiting = page(owner_client, "/experiences/?status=open")
    assert waiting.count("ready to debrief") == 1
    nothing = page(owner_client, "/experiences/?since=2099-01-01")
    assert "Nothing matches these choices." in nothing


def test_a_long_ledger_comes_in_pages_that_keep_the_filters(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for days_ago in range(1, 31):
            services.save_experience(
                owner,
                Experience(situation=f"Moment {days_ago}", happens_at=timezone.now()
                           - datetime.timedelta(days=days_ago)),
                expectations=[expectation],
            )  # fmt: skip
    first = page(owner_client, f"/experiences/?expectation={expectation.pk}")
    assert first.count('class="card record record--compact"') == views.LEDGER_PAGE
    assert "Moment 1<" in first  # newest first
    assert "Page 1 of 2" in first
    assert f'href="?expectation={expectation.pk}&amp;page=2"' in first
    second = page(owner_client, f"/experiences/?expectation={expectation.pk}&page=2")
    assert second.count('class="card record record--compact"') == 30 - views.LEDGER_PAGE
    assert "Moment 30<" in second
    assert 'rel="prev"' in second
    # A page number out of range shows the last page rather than an error.
    assert "Moment 30<" in page(owner_client, "/experiences/?page=99")

    # The expectation's own page lists the latest few and links to the rest.
    detail = page(owner_client, f"/expectations/{expectation.pk}/")
    assert detail.count('class="card record record--compact"') == views.RECENT_TESTS
    assert "See all 30 in Experiences" in detail


def test_a_plan_can_be_changed_and_keeps_a_link_to_an_archived_expectation(
    owner_client: Client, owner: User
) -> None:
    kept, dropped, added = (an_expectation(owner, text) for text in ("Kept", "Dropped", "Added"))
    experience = an_experience(owner, kept)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        services.save_experience(owner, experience, expectations=[kept, dropped])
    records.set_archived(owner, kept, True)
    form = page(owner_client, f"/experiences/{experience.pk}/edit/")
    assert "Change the plan" in form
    assert "Asking Maya to help me move" in form  # starts from what was written
    response = owner_client.post(
        f"/experiences/{experience.pk}/edit/",
        {
            "situation": "Asking Maya and Tom to help me move",
            "expectations": [str(kept.pk), str(added.pk)],
            "happens_at": "2026-03-14T18:30",
            "likelihood": "70",
        },
    )
    assert response.status_code == 302
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        changed = Experience.objects.get(pk=experience.pk)
        assert changed.situation == "Asking Maya and Tom to help me move"
    assert changed.likelihood == 70
    assert set(changed.expectations.all()) == {kept, added}

    unchanged = owner_client.post(f"/experiences/{experience.pk}/edit/", {"situation": ""})
    assert unchanged.status_code == 400
    assert "Please say what the situation is." in unchanged.content.decode()


def test_deleting_an_experience_asks_first_and_keeps_the_ratings(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    experience = an_experience(owner, expectation, occurred=10)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        services.save_experience(
            owner, experience, emotions=[services.NamedEmotion("relieved", "", 60)]
        )
        rating = services.rate(
            owner, expectation, feels_true=60, think_true=30, experience=experience
        )
    confirm = page(owner_client, f"/experiences/{experience.pk}/delete/")
    assert "Delete this experience?" in confirm
    assert Experience.objects.filter(pk=experience.pk).exists()  # asking deletes nothing

    response = owner_client.post(f"/experiences/{experience.pk}/delete/")
    assert response["Location"] == "/experiences/"
    assert not Experience.objects.filter(pk=experience.pk).exists()
    assert not Emotion.objects.exists()
    assert reload(rating).experience is None  # the re-rating stays in the history
    assert Expectation.objects.filter(pk=expectation.pk).exists()


def test_deleting_an_expectation_asks_first_and_keeps_its_experiences(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    experience = an_experience(owner, expectation, occurred=10)
    confirm = page(owner_client, f"/expectations/{expectation.pk}/delete/")
    assert "The 1 experience that tested it stay in your ledger" in confirm
    assert "archiving keeps it out of the way" in confirm
    assert owner_client.post(f"/expectations/{expectation.pk}/delete/").status_code == 302
    assert not Expectation.objects.exists()
    assert not Rating.objects.exists()
    assert list(Experience.objects.all()) == [experience]
    assert not reload(experience).expectations.exists()


def test_empty_pages_say_what_to_do_first(owner_client: Client) -> None:
    assert "Name your first expectation" in page(owner_client, "/expectations/")
    assert "it helps to name one first" in page(owner_client, "/experiences/")


# --- Another person's records -----------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    for url in ("/expectations/", f"/expectations/{expectation.pk}/", "/experiences/"):
        assert client.get(url)["Location"].startswith("/sign-in/")


def test_another_persons_expectation_cannot_be_linked(
    owner_client: Client, owner: User, other_client: User
) -> None:
    theirs = an_expectation(other_client)
    response = owner_client.post(
        "/experiences/plan/",
        {"situation": "x", "expectations": [str(theirs.pk)], "happens_at": "2026-11-20T18:00"},
    )
    assert response.status_code == 400
    assert not Experience.objects.filter(owner=owner).exists()


# --- The same number of queries, whatever the number of rows ----------------------------------


def a_plan_ahead(owner_client: Client, owner: User, days: int = 3) -> Experience:
    expectation = an_expectation(owner)
    ahead = timezone.localtime() + datetime.timedelta(days=days)
    owner_client.post(
        "/experiences/plan/",
        {"situation": "Telling Maya I need a hand", "expectations": [str(expectation.pk)],
         "happens_at": ahead.strftime("%Y-%m-%dT%H:%M"), "feared": "She sighs",
         "likelihood": "70"},
    )  # fmt: skip
    return Experience.objects.get(owner=owner)


FINISHED = {"finish": "1", "happened": "She said of course", "occurred": "10", "felt": "true"}


def test_a_plan_still_to_come_says_so_and_is_not_finished_by_mistake(
    owner_client: Client, owner: User
) -> None:
    experience = a_plan_ahead(owner_client, owner)
    text = page(owner_client, f"/experiences/{experience.pk}/debrief/")
    assert "This has not happened yet" in text
    answer = owner_client.post(f"/experiences/{experience.pk}/debrief/", FINISHED)
    assert answer.status_code == 400
    body = answer.content.decode()
    assert "This is planned for a time still to come." in body
    assert "She said of course" in body  # nothing typed is lost
    assert reload(experience).status == "planned"
    # A draft is always welcome.
    draft = owner_client.post(
        f"/experiences/{experience.pk}/debrief/", {"draft": "1", "happened": "Thinking of it"}
    )
    assert draft.status_code == 302


def test_a_plan_that_happened_early_is_finished_at_the_time_it_happened(
    owner_client: Client, owner: User
) -> None:
    experience = a_plan_ahead(owner_client, owner)
    before = timezone.now()
    response = owner_client.post(
        f"/experiences/{experience.pk}/debrief/", {**FINISHED, "earlier_than_planned": "on"}
    )
    assert response.status_code == 302
    experience = reload(experience)
    assert experience.status == "done"
    assert before - datetime.timedelta(minutes=1) <= experience.happens_at <= timezone.now()
    assert "This has not happened yet" not in page(owner_client, f"/experiences/{experience.pk}/")


def test_a_past_plan_is_debriefed_without_the_question(owner_client: Client, owner: User) -> None:
    experience = a_plan_ahead(owner_client, owner, days=-1)
    assert "This has not happened yet" not in page(
        owner_client, f"/experiences/{experience.pk}/debrief/"
    )
    assert owner_client.post(f"/experiences/{experience.pk}/debrief/", FINISHED).status_code == 302


def test_logging_in_one_go_needs_a_time_that_has_come(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    ahead = timezone.localtime() + datetime.timedelta(days=2)
    answer = owner_client.post(
        "/experiences/log/",
        {"situation": "Dinner with Jo", "expectations": [str(expectation.pk)],
         "happens_at": ahead.strftime("%Y-%m-%dT%H:%M"), "feared": "Silence",
         "likelihood": "60", **FINISHED},
    )  # fmt: skip
    assert answer.status_code == 400
    assert "That time is still to come." in answer.content.decode()
    assert not Experience.objects.exists()
