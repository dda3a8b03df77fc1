"""Working together between sessions, in a care circle: comments beside a shared entry and the
person's replies, something suggested to try (an experience, a journal entry, a step, a script, a
questionnaire) whose outcome flows back, and the session log,
whose ruptures and repairs join the person's record only as they note them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.circles import services
from earned.circles.models import Assignment, Comment, Session
from earned.exchange import services as exchange
from earned.ledger.models import Experience
from earned.practice import services as practice
from earned.practice.models import Step
from earned.privacy import keyring, keys
from earned.records import saving as records
from earned.records.models import Visibility
from earned.reflection.models import JournalEntry
from earned.relationships import services as relationships
from earned.relationships.models import Person, Rupture
from tests.circle_people import an_experience, experience_page, in_circle
from tests.conftest import make_person
from tests.factories import one_of_everything

pytestmark = pytest.mark.django_db


# --- Comments ----------------------------------------------------------------------------------


def test_a_comment_is_seen_beside_the_entry_and_answered(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    coach, person = client_for(okafor), client_for(ana)
    sent = coach.post(
        reverse("circles:comment", args=[ana.pk, "experiences", experience.pk]),
        {"body": "What helped you ask?"},
    )
    assert sent["Location"].endswith("#comments")
    comment = Comment.objects.get()
    assert comment.owner == ana  # hers to keep, sealed with her key
    assert "What helped you ask?" not in repr(Comment.objects.values_list("body", flat=True).get())
    page = person.get(reverse("ledger:experience", args=[experience.pk])).content.decode()
    assert "From your care circle" in page
    assert "What helped you ask?" in page
    person.post(reverse("circles:reply", args=[comment.pk]), {"body": "Remembering last time."})
    shown = coach.get(experience_page(circle, experience)).content.decode()
    assert "Remembering last time." in shown
    person.post(reverse("circles:hide", args=[comment.pk]))
    page = person.get(reverse("ledger:experience", args=[experience.pk])).content.decode()
    assert "Hidden by you (1)" in page
    assert "Reply to Dr Okafor" not in page
    person.post(reverse("circles:hide", args=[comment.pk]), {"hidden": "no"})
    assert Comment.objects.get(pk=comment.pk).hidden_at is None


def test_a_comment_is_only_on_what_is_shared_and_says_what_is_wrong(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    in_circle(ana, okafor, ["measures"])
    in_circle(ana, lind)
    action = reverse("circles:comment", args=[ana.pk, "experiences", experience.pk])
    assert client_for(okafor).post(action, {"body": "Hello"}).status_code == 404
    assert client_for(ana).post(action, {"body": "Hello"}).status_code == 404
    said = client_for(lind).post(action, {"body": "   "}, follow=True).content.decode()
    assert "Please write a few words first." in said
    long = client_for(lind).post(action, {"body": "x" * 2001}, follow=True).content.decode()
    assert "up to 2000 characters (this one has 2001)" in long
    assert not Comment.objects.exists()


def test_a_reply_with_words_of_crisis_brings_the_calm_notice(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    with keyring.using(keys.open_data_key(ana)):
        comment = services.comment(circle, experience, "How are you doing?")
    page = client_for(ana).post(
        reverse("circles:reply", args=[comment.pk]), {"body": "I want to die."}, follow=True
    )
    assert "safety-notice" in page.content.decode()


# --- Suggested between sessions ----------------------------------------------------------------


def test_a_suggestion_waits_on_today_and_its_outcome_flows_back(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor, ["experiences"])
    coach, person = client_for(okafor), client_for(ana)
    overview = reverse("circles:person", args=[ana.pk])
    coach.post(
        reverse("circles:assign", args=[ana.pk]),
        {
            "kind": "experience",
            "what": "Ask your sister to help with the move",
            "due": "2026-12-10",
        },
    )
    assignment = Assignment.objects.get()
    assert assignment.owner == ana
    today = person.get(reverse("web:today")).content.decode()
    assert "Suggested by your care circle" in today
    assert "Ask your sister to help with the move" in today
    plan = reverse("ledger:plan") + f"?assignment={assignment.pk}"
    assert "Ask your sister to help with the move" in person.get(plan).content.decode()
    person.post(plan, {
        "situation": "Asking Jo to help me move", "happens_at": "2026-12-08T18:00",
        "feared": "She sighs", "likelihood": "70",
    })  # fmt: skip
    experience = Experience.objects.get()
    linked = Assignment.objects.values_list("entry_kind", "entry_id").get()
    assert linked == ("experiences", experience.pk)
    assert "Suggested by your care circle" not in person.get(reverse("web:today")).content.decode()
    seen = coach.get(overview).content.decode()
    assert "Asking Jo to help me move" in seen
    assert "70%" in seen
    # Once the entry is private, its outcome no longer reaches him.
    Experience.objects.update(visibility=Visibility.PRIVATE)
    seen = coach.get(overview).content.decode()
    assert "Asking Jo to help me move" not in seen
    assert "has not shared the entry it became" in seen


def test_a_suggestion_is_only_for_the_person_it_was_made_for(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    circle = in_circle(ana, okafor)
    with keyring.using(keys.open_data_key(ana)):
        assignment = services.assign(circle, "Ask for help")
    robin = make_person("robin", "Robin")
    plan = reverse("ledger:plan") + f"?assignment={assignment.pk}"
    assert "Ask for help" not in client_for(robin).get(plan).content.decode()
    assert client_for(ana).get(reverse("ledger:plan") + "?assignment=nonsense").status_code == 200
    empty = client_for(okafor).post(
        reverse("circles:assign", args=[ana.pk]), {"kind": "experience", "what": " "}
    )
    assert empty.status_code == 302
    assert Assignment.objects.count() == 1
    services.end(ana, circle)
    assert not services.waiting(ana).exists()  # an ended circle's suggestions rest


# --- Sessions ----------------------------------------------------------------------------------


def log_rupture(coach: Client, ana: User) -> None:
    coach.post(reverse("circles:log-session", args=[ana.pk]), {
        "session-at": "2026-12-01T10:00", "session-status": "held", "session-noticed": "rupture",
        "session-what": "You went quiet when we talked about your father.",
    })  # fmt: skip


def test_a_rupture_noticed_in_session_joins_her_record_only_as_she_notes_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor)
    coach, person = client_for(okafor), client_for(ana)
    log_rupture(coach, ana)
    session = Session.objects.get()
    assert session.owner == ana
    assert not Rupture.objects.exists()  # nothing in her record yet
    today = person.get(reverse("web:today")).content.decode()
    assert "From your session on Tuesday 1 December" in today
    assert "You went quiet when we talked about your father." in today
    form = person.post(reverse("circles:note-session", args=[session.pk]))
    assert "session=" in form["Location"]
    page = person.get(form["Location"]).content.decode()
    assert "You went quiet when we talked about your father." in page  # in her words to change
    them = Person.objects.get(owner=ana)
    person.post(form["Location"], {
        "person": str(them.pk), "at": "2026-12-01T10:00", "setting": "therapy", "kind": "quiet",
        "intensity": "2", "trigger": "Talking about my father",
    })  # fmt: skip
    rupture = Rupture.objects.get()
    assert rupture.setting == "therapy"
    assert Session.objects.values_list("entry_id", flat=True).get() == rupture.pk
    assert "From your session" not in person.get(reverse("web:today")).content.decode()
    assert (
        "noted by Ana in their record"
        in coach.get(reverse("circles:person", args=[ana.pk])).content.decode()
    )


def test_what_she_sets_aside_stays_out_of_her_record(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor)
    coach, person = client_for(okafor), client_for(ana)
    log_rupture(coach, ana)
    session = Session.objects.get()
    person.post(reverse("circles:set-session-aside", args=[session.pk]))
    assert "From your session" not in person.get(reverse("web:today")).content.decode()
    assert not Rupture.objects.exists()
    assert person.post(reverse("circles:note-session", args=[session.pk])).status_code == 404
    assert (
        "set aside by Ana" in coach.get(reverse("circles:person", args=[ana.pk])).content.decode()
    )


def test_a_repair_needs_an_open_rupture_to_repair(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor)
    coach, person = client_for(okafor), client_for(ana)
    coach.post(reverse("circles:log-session", args=[ana.pk]), {
        "session-at": "2026-12-01T10:00", "session-status": "held", "session-noticed": "repair",
        "session-what": "We talked it through.",
    })  # fmt: skip
    session = Session.objects.get()
    answer = person.post(reverse("circles:note-session", args=[session.pk]), follow=True)
    assert "There is no open rupture with Dr Okafor to repair" in answer.content.decode()
    them = Person.objects.get(owner=ana)
    with keyring.using(keys.open_data_key(ana)):
        rupture = relationships.save_rupture(
            ana, Rupture(person=them, kind="quiet", intensity=2, setting="therapy")
        )
    form = person.post(reverse("circles:note-session", args=[session.pk]))
    assert form["Location"].startswith(reverse("relationships:repair-new", args=[rupture.pk]))
    assert "We talked it through." in person.get(form["Location"]).content.decode()


def test_deleting_an_entry_takes_the_comments_beside_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    with keyring.using(keys.open_data_key(ana)):
        jo = relationships.save_person(ana, Person(name="Jo"))
        Experience.objects.filter(pk=experience.pk).update(person=jo)
        services.comment(circle, experience, "What helped?")
        kept = services.comment(circle, an_experience(ana), "And this one?")
    # Jo goes, with the experiences with Jo: the comment beside one goes with it.
    client_for(ana).post(
        reverse("relationships:person-delete", args=[jo.pk]), {"experiences": "delete"}
    )
    assert list(Comment.objects.values_list("pk", flat=True)) == [kept.pk]
    with keyring.using(keys.open_data_key(ana)):
        records.delete(ana, Experience.objects.get())
    assert not Comment.objects.exists()


def test_something_to_write_about_opens_the_journal_and_flows_back_when_shared(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    circle = in_circle(ana, okafor, ["reflection"])
    coach, person = client_for(okafor), client_for(ana)
    coach.post(reverse("circles:assign", args=[ana.pk]), {
        "kind": "journal", "what": "The evening your father left", "prompt": "hard-feared",
    })  # fmt: skip
    assignment = Assignment.objects.get()
    assert "Write about it" in person.get(reverse("web:today")).content.decode()
    start = assignment.start_url
    assert "prompt=hard-feared" in start
    page = person.get(start).content.decode()
    assert "Suggested by Dr Okafor" in page
    assert "The evening your father left" in page
    # The plan page does not take a suggestion to write.
    plan = reverse("ledger:plan") + f"?assignment={assignment.pk}"
    assert "Suggested by" not in person.get(plan).content.decode()
    person.post(start, {"body": "He closed the door quietly.", "prompt": "hard-feared"})
    entry = JournalEntry.objects.get()
    assert Assignment.objects.values_list("entry_id", flat=True).get() == entry.pk
    overview = reverse("circles:person", args=[ana.pk])
    assert "He closed the door quietly." in coach.get(overview).content.decode()
    services.set_categories(ana, circle, [])
    assert "He closed the door quietly." not in coach.get(overview).content.decode()


def test_erasing_her_account_leaves_no_comment_suggestion_or_session(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    with keyring.using(keys.open_data_key(ana)):
        services.comment(circle, experience, "What helped?")
        services.assign(circle, "Ask for help")
        services.log_session(circle, experience.happens_at, "held", "rupture", "Quiet")
    exchange.erase_account(ana)
    assert not Comment.objects.exists()
    assert not Assignment.objects.exists()
    assert not Session.objects.exists()
    assert "Nobody yet" in client_for(okafor).get(reverse("circles:people")).content.decode()


# --- Suggesting a step, a script, a questionnaire ------------------------------------------------


def suggest(coach: Client, ana: User, kind: str, about: str, what: str = "") -> None:
    coach.post(
        reverse("circles:assign", args=[ana.pk]), {"kind": kind, "about": about, "what": what}
    )


def test_a_step_a_script_and_a_questionnaire_are_suggested_done_and_flow_back(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    made = one_of_everything(ana)
    step, script = made["step_id"], made["script_id"]
    in_circle(ana, okafor, ["experiences", "practice", "measures"])
    coach, person = client_for(okafor), client_for(ana)
    overview = reverse("circles:person", args=[ana.pk])
    choices = coach.get(overview).content.decode()
    assert "Ask for help: Ask a neighbour" in choices  # the ladder's goal and the step
    assert "Weekly practice check-in" in choices
    suggest(coach, ana, "step", str(step.pk))
    suggest(coach, ana, "script", str(script.pk), "Say it out loud twice")
    suggest(coach, ana, "questionnaire", "practice")
    today = person.get(reverse("web:today")).content.decode()
    for words in ("Plan the step", "Rehearse it", "Take it", "Ask for help: Ask a neighbour"):
        assert words in today
    by_kind = {each.kind: each for each in Assignment.objects.all()}
    assert "Say it out loud twice" in today

    plan = by_kind["step"].start_url
    assert "Suggested by Dr Okafor" in person.get(plan).content.decode()
    person.post(plan, {
        "situation": "Knocking at Sam's door", "happens_at": "2026-12-08T18:00",
        "feared": "He looks annoyed", "likelihood": "65", "coping_plan": "Breathe out",
    })  # fmt: skip
    rehearse = by_kind["script"].start_url
    person.post(rehearse, {"mode": "alone", "confidence_before": "3", "confidence_after": "6"})
    take = by_kind["questionnaire"].start_url
    person.post(take, {f"item_{n}": "2" for n in range(1, 6)})
    assert not Assignment.objects.filter(done_at__isnull=True).exists()
    assert {each.entry_kind for each in Assignment.objects.all()} == {
        "attempts",
        "rehearsals",
        "measures",
    }
    seen = coach.get(overview).content.decode()
    assert "Knocking at Sam&#x27;s door" in seen
    assert "65%" in seen  # the attempt's prediction
    assert "Confidence 3 before, 6 after." in seen
    assert "10 of 20" in seen


def test_a_suggestion_is_about_what_the_circle_shares_and_is_done_only_where_it_points(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    made = one_of_everything(ana)
    step, ladder = made["step_id"], made["ladder_id"]
    circle = in_circle(ana, okafor, ["experiences"])  # practice is not shared
    coach, person = client_for(okafor), client_for(ana)
    overview = reverse("circles:person", args=[ana.pk])
    assert "Ask a neighbour" not in coach.get(overview).content.decode()
    suggest(coach, ana, "step", str(step.pk))
    suggest(coach, ana, "script", "")
    assert not Assignment.objects.exists()
    refused = coach.get(overview).content.decode()
    assert "Please choose one of their steps." in refused
    assert "Please choose one of their scripts." in refused
    services.set_categories(ana, circle, ["experiences", "practice"])
    suggest(coach, ana, "step", str(step.pk))
    assignment = Assignment.objects.get()
    with keyring.using(keys.open_data_key(ana)):
        other = practice.add_step(ana, ladder, Step(description="Ask Jo", expected_distress=30))
    # Planning another step with the suggestion's address does not count as doing it.
    elsewhere = reverse("practice:attempt-new", args=[other.pk]) + f"?assignment={assignment.pk}"
    assert "Suggested by" not in person.get(elsewhere).content.decode()
