"""Practice through the pages a person uses: ladders climbed step by step, each attempt planned,
lived and debriefed as one experience, the pace suggested; scripts copied and rehearsed."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.ledger.models import Experience
from earned.practice.models import Attempt, Ladder, Rehearsal, Script, Step
from earned.privacy import keyring, keys
from earned.search import finding
from earned.search.models import Entry
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for, refused
from tests.test_ledger import an_expectation

pytestmark = pytest.mark.django_db

STEPS = (
    ("Tell Jo I feel lonely", 80),
    ("Ask Jo to pass the salt", 10),
    ("Ask Jo for an evening off", 60),
)


def a_ladder(client: Client, owner: User) -> Ladder:
    expectation = an_expectation(owner)
    client.post(
        "/practice/ladders/new/",
        {"goal": "Ask for what I need at home", "value": "closeness",
         "expectations": [str(expectation.pk)]},
    )  # fmt: skip
    ladder = Ladder.objects.get(owner=owner)
    for description, distress in STEPS:
        response = client.post(
            f"/practice/ladders/{ladder.pk}/steps/",
            {"description": description, "expected_distress": str(distress)},
        )
        assert response.status_code == 302
    return ladder


def step_titles(text: str) -> list[str]:
    return re.findall(r'<h3 class="ladder-step__title">([^<]+)</h3>', text)


def steps_of(ladder: Ladder, owner: User) -> list[Step]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        found = Ladder.objects.prefetch_related("steps").get(pk=ladder.pk).ordered_steps()
        for step in found:
            _ = step.description
        return found


def attempt_at(client: Client, step: Step, **debrief: str) -> Attempt:
    """Plan an attempt at a step and, given a debrief, finish it."""
    response = client.post(
        f"/practice/steps/{step.pk}/attempt/",
        {
            "situation": "At dinner",
            "expectations": [str(each.pk) for each in step.ladder.expectations.all()],
            "happens_at": "2026-11-28T19:00",
            "feared": "Jo sighs",
            "likelihood": "80",
            "coping_plan": "Breathe out slowly",
        },
    )
    assert response.status_code == 302, response.content.decode()
    attempt = Attempt.objects.filter(step=step).latest("created_at")
    if debrief:
        url = f"/practice/attempts/{attempt.pk}/debrief/"
        assert client.post(url, {"finish": "1", "happened": "Fine", **debrief}).status_code == 302
    return attempt


def test_a_ladder_keeps_its_steps_sorted_by_expected_distress(
    owner_client: Client, owner: User
) -> None:
    assert "No ladder yet" in page(owner_client, "/practice/")
    ladder = a_ladder(owner_client, owner)
    text = page(owner_client, f"/practice/ladders/{ladder.pk}/")
    assert step_titles(text) == [STEPS[1][0], STEPS[2][0], STEPS[0][0]]
    assert "Now: Ask Jo to pass the salt" in text
    assert "Not tried yet" in text
    assert "0 of 3 steps climbed" in page(owner_client, "/practice/")


def test_moving_a_step_keeps_the_persons_own_order_until_sorted_again(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    hardest = steps_of(ladder, owner)[-1]
    owner_client.post(f"/practice/steps/{hardest.pk}/move/", {"direction": "up"})
    text = page(owner_client, f"/practice/ladders/{ladder.pk}/")
    assert step_titles(text) == [STEPS[1][0], STEPS[0][0], STEPS[2][0]]
    assert "In your own order." in text
    owner_client.post(f"/practice/ladders/{ladder.pk}/sort/")
    assert step_titles(page(owner_client, f"/practice/ladders/{ladder.pk}/"))[-1] == STEPS[0][0]


def test_steps_can_be_arranged_as_dragged(owner_client: Client, owner: User) -> None:
    ladder = a_ladder(owner_client, owner)
    easiest, middle, hardest = steps_of(ladder, owner)
    response = owner_client.post(
        f"/practice/ladders/{ladder.pk}/order/",
        {"step": [str(hardest.pk), str(easiest.pk), str(middle.pk)]},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 204
    assert [step.pk for step in steps_of(ladder, owner)] == [hardest.pk, easiest.pk, middle.pk]


def test_an_attempt_is_planned_lived_and_debriefed_as_one_experience(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    first = steps_of(ladder, owner)[0]
    plan = page(owner_client, f"/practice/steps/{first.pk}/attempt/")
    assert "Ask Jo to pass the salt</textarea>" in plan  # the step's words, filled in
    attempt = attempt_at(owner_client, first)
    experience = attempt.experience
    assert experience.status == Experience.Status.PLANNED
    assert "Your planned attempt, Sat 28 Nov" in page(
        owner_client, f"/practice/ladders/{ladder.pk}/"
    )
    assert list(experience.expectations.all()) == list(ladder.expectations.all())
    # In the moment: a big slider, help one tap away.
    moment = page(owner_client, f"/practice/attempts/{attempt.pk}/now/")
    assert 'type="range"' in moment
    assert 'href="/help/"' in moment
    owner_client.post(f"/practice/attempts/{attempt.pk}/now/", {"distress_now": "65",
                                                                "doing_now": "Asking"})  # fmt: skip
    assert Attempt.objects.get(pk=attempt.pk).distress_now == 65
    # Afterwards: the ledger's debrief, and what to repeat or adjust.
    owner_client.post(
        f"/practice/attempts/{attempt.pk}/debrief/",
        {"finish": "1", "happened": "Jo passed it and smiled.", "occurred": "5",
         "window": "within", "to_repeat": "Asking plainly", "to_adjust": "Less apologising"},
    )  # fmt: skip
    assert Experience.objects.count() == 1  # one record, seen from two places
    experience = Experience.objects.get(pk=experience.pk)
    assert (experience.status, experience.occurred, experience.window) == ("done", 5, "within")
    text = page(owner_client, f"/practice/attempts/{attempt.pk}/")
    assert "75 points better than feared" in text
    assert "Less apologising" in text
    assert "Part of a ladder" in page(owner_client, f"/experiences/{experience.pk}/")


@pytest.mark.parametrize("overwhelming_planned_last", [True, False])
def test_attempts_at_the_same_moment_count_in_the_order_they_were_planned(
    owner_client: Client, owner: User, overwhelming_planned_last: bool
) -> None:
    ladder = a_ladder(owner_client, owner)
    first = steps_of(ladder, owner)[0]
    calm = attempt_at(owner_client, first, occurred="0", window="within")
    hard = attempt_at(owner_client, first, occurred="0", window="above")  # the same happens_at
    if not overwhelming_planned_last:  # as if the hard one had been planned first
        Attempt.objects.filter(pk=hard.pk).update(created_at=calm.created_at)
        Attempt.objects.filter(pk=calm.pk).update(created_at=hard.created_at)
    text = page(owner_client, f"/practice/ladders/{ladder.pk}/")
    assert ("A smaller step first" in text) == overwhelming_planned_last


def test_the_suggestion_follows_what_attempts_showed(owner_client: Client, owner: User) -> None:
    ladder = a_ladder(owner_client, owner)
    first = steps_of(ladder, owner)[0]
    url = f"/practice/ladders/{ladder.pk}/"
    attempt_at(owner_client, first, occurred="10", window="within")
    assert "Stay with this step a little longer" in page(owner_client, url)
    attempt_at(owner_client, first, occurred="0", window="within")
    ready = page(owner_client, url)
    assert "Ready for the next step, when you are" in ready
    assert "Move up to the next step</button>" in ready
    owner_client.post(f"/practice/steps/{first.pk}/climb/")
    text = page(owner_client, url)
    assert "Now: Ask Jo for an evening off" in text
    assert "1 of 3 steps climbed" in page(owner_client, "/practice/")


def test_an_overwhelming_attempt_suggests_a_smaller_step_first(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    _, middle, _ = steps_of(ladder, owner)
    owner_client.post(f"/practice/steps/{steps_of(ladder, owner)[0].pk}/climb/")
    attempt_at(owner_client, middle, occurred="0", window="within")
    attempt_at(owner_client, middle, occurred="0", window="above")
    text = page(owner_client, f"/practice/ladders/{ladder.pk}/")
    assert "A smaller step first" in text
    assert ">Add a smaller step</a>" in text
    assert "A smaller step before “Ask Jo for an evening off”" in text
    assert 'value="35"' in text  # halfway between the step below (10) and this one (60)
    owner_client.post(
        f"/practice/ladders/{ladder.pk}/steps/",
        {"description": "Ask Jo for ten quiet minutes", "expected_distress": "35",
         "below": str(middle.pk)},
    )  # fmt: skip
    titles = step_titles(page(owner_client, f"/practice/ladders/{ladder.pk}/"))
    assert titles.index("Ask Jo for ten quiet minutes") == titles.index(STEPS[2][0]) - 1


def test_the_calendar_file_carries_the_time_and_none_of_the_words(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    attempt = attempt_at(owner_client, steps_of(ladder, owner)[0])
    response = owner_client.get(f"/practice/attempts/{attempt.pk}/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "DTSTART:20261128T190000Z" in body  # 19:00 in Dublin, which keeps UTC in winter
    assert "SUMMARY:Practice step" in body
    assert "salt" not in body
    assert "Jo" not in body


def test_deleting_keeps_the_experiences_unless_the_attempt_itself_goes(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    first, middle, _ = steps_of(ladder, owner)
    kept = attempt_at(owner_client, first, occurred="10", window="within")
    gone = attempt_at(owner_client, middle)
    assert "Delete this attempt?" in page(owner_client, f"/practice/attempts/{gone.pk}/delete/")
    owner_client.post(f"/practice/attempts/{gone.pk}/delete/")
    assert not Experience.objects.filter(pk=gone.experience_id).exists()
    owner_client.post(f"/practice/steps/{first.pk}/delete/")
    assert Experience.objects.filter(pk=kept.experience_id).exists()
    assert not Attempt.objects.exists()
    assert not Entry.objects.filter(kind="attempts").exists()  # cascaded, and out of the index
    owner_client.post(f"/practice/ladders/{ladder.pk}/delete/")
    assert not Step.objects.exists()
    assert Experience.objects.filter(pk=kept.experience_id).exists()


def test_a_ladder_can_be_put_away_and_brought_back(owner_client: Client, owner: User) -> None:
    ladder = a_ladder(owner_client, owner)
    owner_client.post(f"/practice/ladders/{ladder.pk}/archive/")
    assert "Put-away ladders (1)" in page(owner_client, "/practice/")
    owner_client.post(f"/practice/ladders/{ladder.pk}/archive/", {"archived": "no"})
    assert "Put-away ladders" not in page(owner_client, "/practice/")


def test_a_step_needs_words_and_a_distress_and_keeps_what_was_typed(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    text = refused(
        owner_client, f"/practice/ladders/{ladder.pk}/steps/", {"description": "Call Mum"}
    )
    assert "Please choose a number from 0 to 100." in text
    assert 'value="Call Mum"' in text


# --- Scripts ---------------------------------------------------------------------------------


def test_a_starter_script_is_copied_made_ones_own_and_rehearsed(
    owner_client: Client, owner: User
) -> None:
    text = page(owner_client, "/practice/scripts/")
    for title in ("Asking for something small", "A kind, clear no", "Coming back after a hard "
                  "moment", "Letting a compliment land", "Asking for help"):  # fmt: skip
        assert title in text
    response = owner_client.post("/practice/scripts/copy/no-kind/")
    script = Script.objects.get()
    assert response["Location"] == f"/practice/scripts/{script.pk}/edit/"
    assert script.starter == "no-kind"
    editing = page(owner_client, f"/practice/scripts/{script.pk}/edit/")
    assert "---------" not in editing  # every choice in our words
    assert '<option value="no" selected>' in editing
    owner_client.post(
        f"/practice/scripts/{script.pk}/edit/",
        {"situation": "no", "title": "No to Mum’s Sunday lunch", "opening": "Thanks, Mum.",
         "request": "I won’t come this Sunday."},
    )  # fmt: skip
    rehearse = page(owner_client, f"/practice/scripts/{script.pk}/rehearse/")
    assert "I won’t come this Sunday." in rehearse
    assert "<earned-lines" in rehearse
    ladder = a_ladder(owner_client, owner)
    attempt = attempt_at(owner_client, steps_of(ladder, owner)[0])
    owner_client.post(
        f"/practice/scripts/{script.pk}/rehearse/",
        {"mode": "imagery", "confidence_before": "3", "confidence_after": "6",
         "note": "Shaky, then steadier", "attempt": str(attempt.pk)},
    )  # fmt: skip
    rehearsal = Rehearsal.objects.get()
    assert (rehearsal.confidence_before, rehearsal.confidence_after) == (3, 6)
    assert rehearsal.attempt == attempt
    assert "confidence 3 → 6" in page(owner_client, f"/practice/scripts/{script.pk}/")
    assert "No to Mum’s Sunday lunch" in page(owner_client, f"/practice/attempts/{attempt.pk}/")


def test_a_rehearsal_is_linked_to_its_attempt_once_that_is_planned(
    owner_client: Client, owner: User
) -> None:
    owner_client.post("/practice/scripts/copy/need-small/")
    script = Script.objects.get()
    rehearsed = {"mode": "alone", "confidence_after": "7"}
    owner_client.post(f"/practice/scripts/{script.pk}/rehearse/", rehearsed)
    rehearsal = Rehearsal.objects.get()
    assert "Link it to an attempt" in page(owner_client, f"/practice/scripts/{script.pk}/")
    ladder = a_ladder(owner_client, owner)
    attempt = attempt_at(owner_client, steps_of(ladder, owner)[0])
    owner_client.post(
        f"/practice/rehearsals/{rehearsal.pk}/edit/",
        {"mode": "alone", "confidence_after": "7", "attempt": str(attempt.pk)},
    )
    assert Rehearsal.objects.get().attempt == attempt
    assert Rehearsal.objects.count() == 1


def test_a_script_needs_a_name_and_a_line(owner_client: Client) -> None:
    text = refused(owner_client, "/practice/scripts/new/", {"situation": "need", "title": "Mine"})
    assert "Please write at least one line to say." in text
    assert not Script.objects.exists()


def test_an_unknown_starter_is_not_found(owner_client: Client) -> None:
    assert owner_client.post("/practice/scripts/copy/no-such/").status_code == 404


def test_ladders_scripts_and_attempts_are_found_by_search(
    owner_client: Client, owner: User
) -> None:
    ladder = a_ladder(owner_client, owner)
    attempt_at(owner_client, steps_of(ladder, owner)[0])
    owner_client.post("/practice/scripts/copy/help-ask/")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert {hit.kind.name for hit in finding.find(owner, "salt").hits} >= {"ladders"}
        assert [hit.kind.name for hit in finding.find(owner, "breathe slowly").hits] == ["attempts"]
        assert "scripts" in {hit.kind.name for hit in finding.find(owner, "manage alone").hits}


# --- Everyone else's ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/practice/", "/practice/scripts/", "ladder"])
def test_practice_pages_use_a_fixed_number_of_queries(
    owner_client: Client, owner: User, url: str
) -> None:
    ladder = a_ladder(owner_client, owner)
    path = f"/practice/ladders/{ladder.pk}/" if url == "ladder" else url
    attempt_at(owner_client, steps_of(ladder, owner)[0], occurred="10", window="within")
    owner_client.post("/practice/scripts/copy/no-kind/")
    few = queries_for(owner_client, path)
    for step in steps_of(ladder, owner):
        attempt_at(owner_client, step, occurred="10", window="within")
    more = {"description": "More", "expected_distress": "90"}
    owner_client.post(f"/practice/ladders/{ladder.pk}/steps/", more)
    owner_client.post("/practice/scripts/copy/help-ask/")
    a_ladder_again = owner_client.post("/practice/ladders/new/", {"goal": "Another"})
    assert a_ladder_again.status_code == 302
    assert queries_for(owner_client, path) == few
