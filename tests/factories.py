"""Test data: one record of every kind a person owns, saved the way the app saves them
(through each app's services, so earned.records checks, links and indexes them)."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils import timezone

from earned.accounts.models import DeviceSession, User
from earned.api import tokens
from earned.circles.models import Circle, Comment, Invitation, Session
from earned.core.instruments import ECR_RS
from earned.groups import services as groups
from earned.groups.models import (
    Exercise,
    Group,
    GroupInvitation,
    Meeting,
    Membership,
    PairRequest,
)
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.measures import services as measures
from earned.measures.models import Questionnaire
from earned.measures.placeholder import placeholder_questionnaire
from earned.practice import services as practice
from earned.practice.models import Ladder, Rehearsal, Step
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift
from earned.relationships import services as relationships
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals import services as rituals
from earned.rituals.choices import Kind
from earned.rituals.models import CheckIn
from earned.safety import services as safety
from earned.safety.models import SafetyPlan
from tests.conftest import PASSPHRASE

YESTERDAY = timezone.now() - datetime.timedelta(days=1)


def one_of_everything(owner: User, tag: str = "") -> dict[str, Any]:
    """A record of every kind, keyed by the name the URLs give its id ("ladder_id"). A `tag`
    keeps the people and codes it makes apart from another call's ("2")."""
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        expectation = ledger.add_expectation(owner, "If I ask, I'm a burden", feels_true=80,
                                             think_true=40)  # fmt: skip
        experience = ledger.save_experience(
            owner,
            Experience(situation="Asking Maya", happens_at=YESTERDAY),
            expectations=[expectation],
        )
        check_in = rituals.save_check_in(
            owner,
            CheckIn(kind=Kind.EVENING, at=YESTERDAY, mood=0),
            lines=[rituals.Line(who="Jo", context="", what="A call", felt=None)],
        )
        person = relationships.save_person(owner, Person(name="Maya"), feels_safe=60)
        presence = relationships.showed_up(owner, person, "kept")
        rupture = relationships.save_rupture(
            owner, Rupture(person=person, kind="quiet", intensity=4, at=YESTERDAY)
        )
        repair = relationships.save_repair(owner, Repair(rupture=rupture, what="We talked"))
        ladder = practice.save_ladder(owner, Ladder(goal="Ask for help"), [expectation])
        step = practice.add_step(owner, ladder, Step(description="Ask a neighbour",
                                                      expected_distress=20))  # fmt: skip
        attempt = practice.plan_attempt(
            owner, step, Experience(situation="Ask Sam next door", happens_at=YESTERDAY),
            expectations=[expectation],
        )  # fmt: skip
        script = practice.copy_starter(owner, "need-small")
        rehearsal = practice.save_rehearsal(owner, Rehearsal(script=script, mode="alone"))
        entry = reflection.save_entry(owner, JournalEntry(body="A quiet day"), [expectation])
        dialogue = reflection.save_dialogue(
            owner, Dialogue(first_voice="The critic", second_voice="Me"), [(1, "Again?")]
        )
        imagery = reflection.save_imagery(owner, Imagery(script="safe-place"))
        plan = safety.save_plan(owner, SafetyPlan(warning_signs="Not sleeping"))
        measures.import_questionnaire(
            owner, json.dumps(placeholder_questionnaire(ECR_RS)).encode(), "ecr-rs"
        )
        shift = reflection.save_shift(
            owner, Shift(signal="No reply", verdict="She's angry", reading_1="She's busy",
                         reading_2="Her phone died"),
        )  # fmt: skip
    session = DeviceSession.objects.filter(owner=owner).first()
    # The owner's circle with a practitioner none of the test's visitors is.
    coach = User.objects.create_user(
        f"coach-ade{tag}", display_name="Ade", role=User.Role.PRACTITIONER
    )
    keys.create_envelope(coach, PASSPHRASE)
    circle = Circle.objects.create(person=owner, practitioner=coach)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        comment = Comment.objects.create(
            owner=owner, circle=circle, author=coach, entry_kind="experiences",
            entry_id=experience.pk, body="How did it feel to ask?",
        )  # fmt: skip
        met = Session.objects.create(
            owner=owner, circle=circle, at=YESTERDAY, noticed="rupture", what="A quiet moment"
        )
    # The owner's group, which the coach facilitates.
    with keyring.using(keys.open_data_key(coach, PASSPHRASE)):
        group = Group.objects.create(owner=coach, name="Tuesdays", guidelines="Be kind")
        exercise = Exercise.objects.create(group=group, owner=coach, what="Ask for a small favour")
        meeting = Meeting.objects.create(group=group, owner=coach, at=YESTERDAY, note="Calm")
        group_invitation = GroupInvitation.objects.create(
            group=group,
            code_hash=("1" * 64 + tag)[-64:],
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        membership = Membership.objects.create(
            group=group, owner=owner, alias="River", accepted_guidelines_at=timezone.now()
        )
        shared = groups.share(owner, membership, entry)
        reply = groups.reply(owner, membership, shared, "Thank you for this")
    # Another member, who asks the owner to practise as a pair.
    wren = User.objects.create_user(f"member-wren{tag}", display_name="Wren Holt")
    keys.create_envelope(wren, PASSPHRASE)
    with keyring.using(keys.open_data_key(wren, PASSPHRASE)):
        theirs = Membership.objects.create(
            group=group, owner=wren, alias="Wren", accepted_guidelines_at=timezone.now()
        )
    pair_request = PairRequest.objects.create(asking=theirs, asked=membership)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        token = tokens.create(owner, "journal script", ["experiences"]).token
    invitation = Invitation.objects.create(
        person=owner,
        code_hash=("0" * 64 + tag)[-64:],
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    return {
        "expectation_id": expectation, "experience_id": experience, "check_in_id": check_in,
        "interaction_id": check_in.interactions.get(), "person_id": person,
        "presence_id": presence, "rupture_id": rupture, "repair_id": repair,
        "ladder_id": ladder, "step_id": step, "attempt_id": attempt, "script_id": script,
        "rehearsal_id": rehearsal, "entry_id": entry, "dialogue_id": dialogue,
        "session_id": imagery, "shift_id": shift, "public_id": session,
        "client_id": owner, "circle_id": circle, "invitation_id": invitation,
        "comment_id": comment, "circle_session_id": met, "plan": plan, "group_id": group,
        "share_id": shared, "reply_id": reply, "exercise_id": exercise, "meeting_id": meeting,
        "group_invitation_id": group_invitation, "pair_request_id": pair_request,
        "token_id": token,
        "wording": Questionnaire.objects.get(owner=owner),
    }  # fmt: skip


def id_of(record: Any) -> Any:
    """The id a URL names a record by (a device session by its public id)."""
    return record.public_id if isinstance(record, DeviceSession) else record.pk
