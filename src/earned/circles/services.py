"""Care circles, step by step: a person invites a practitioner with a one-time code, chooses what
they share, and can end it at any moment; every read by the practitioner is noted for the
person. Who may read what is decided in one place, earned/access.py, at every request."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from earned.access import shared
from earned.accounts.models import User
from earned.circles.models import (
    COMMENT_LIMIT,
    Assignment,
    Circle,
    Comment,
    Invitation,
    Session,
    validate_categories,
)
from earned.core import codes
from earned.measures import instruments
from earned.practice.models import Script, Step
from earned.privacy import keyring, keys
from earned.records.models import Category, Owned
from earned.safety import noticing

INVITATION_LIFETIME = timedelta(days=7)
FEW_WORDS = "Please write a few words first."
RowT = TypeVar("RowT", bound=models.Model)


class CircleError(Exception):
    """Something asked of a circle cannot be done; the message says why, kindly."""


def available() -> bool:
    """Circles need a practice server: a practitioner reads through the server's key, at the
    moment of each request, which a passphrase-locked local Earned cannot offer."""
    return bool(settings.IS_SERVER)


def invite(person: User, categories: Iterable[str]) -> str:
    """A new one-time code with which a practitioner joins this person's circle, sharing these
    kinds of entries. Only its hash is stored; the code is shown to the person once."""
    if not available():
        raise CircleError("Care circles need a practice server.")
    if person.is_practitioner:
        raise CircleError("A practitioner's account is invited by the people they work with.")
    chosen = sorted(set(categories))
    validate_categories(chosen)
    code = codes.new()
    Invitation.objects.create(
        person=person,
        code_hash=codes.hashed(code),
        categories=chosen,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    return code


def invite_person(practitioner: User) -> str:
    """A new one-time code with which a person accepts this practitioner into their circle; they
    choose what to share when they accept. Shown to the practitioner once."""
    if not available():
        raise CircleError("Care circles need a practice server.")
    if not practitioner.is_practitioner:
        raise CircleError("Only a practitioner's account can invite someone this way.")
    code = codes.new()
    Invitation.objects.create(
        practitioner=practitioner,
        code_hash=codes.hashed(code),
        categories=[],
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    return code


def open_invitations(user: User) -> QuerySet[Invitation]:
    """The codes this person or practitioner made that still work."""
    mine = models.Q(person=user) | models.Q(practitioner=user)
    return Invitation.objects.filter(mine, used_at__isnull=True, expires_at__gt=timezone.now())


def withdraw(user: User, invitation: Invitation) -> None:
    if user.pk in (invitation.person_id, invitation.practitioner_id):
        invitation.delete()


NOT_A_CODE = (
    "That code does not open a circle: it may have been mistyped, used already, or expired. "
    "Please ask for a new one."
)


def _usable(code: str, *, made_by_person: bool, lock: bool = False) -> Invitation:
    """The invitation a code stands for, if it still works and was made by the side asked for
    (a person's code is for a practitioner to join with, and the other way round)."""
    if not codes.normalised(code):
        raise CircleError(NOT_A_CODE)
    # Only the invitation row is locked (its people are read through outer joins).
    found = Invitation.objects.select_for_update(of=("self",)) if lock else Invitation.objects.all()
    invitation = (
        found.filter(code_hash=codes.hashed(code), person__isnull=not made_by_person)
        .select_related("person", "practitioner")
        .first()
    )
    if invitation is None or not invitation.is_usable:
        raise CircleError(NOT_A_CODE)
    return invitation


def _open_circle(
    invitation: Invitation, person: User, practitioner: User, shared: list[str]
) -> Circle:
    """The code is used, and the circle opens (once: a second open circle is refused)."""
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    try:
        with transaction.atomic():
            return Circle.objects.create(
                person=person, practitioner=practitioner, categories=shared
            )
    except IntegrityError:
        raise CircleError("You are already in a circle together.") from None


@transaction.atomic
def join(practitioner: User, code: str) -> Circle:
    """A practitioner joins the circle a person's code was made for. The code works once."""
    if not practitioner.is_practitioner:
        raise CircleError("Only a practitioner's account can join a care circle with a code.")
    invitation = _usable(code, made_by_person=True, lock=True)
    assert invitation.person is not None  # made by a person
    return _open_circle(invitation, invitation.person, practitioner, invitation.categories)


def invited_by(person: User, code: str) -> User:
    """The practitioner whose code this is, for the person to see before accepting."""
    if person.is_practitioner:
        raise CircleError("A practitioner joins with a person's code, under Your people.")
    practitioner = _usable(code, made_by_person=False).practitioner
    assert practitioner is not None  # made by a practitioner
    return practitioner


@transaction.atomic
def accept(person: User, code: str, categories: Iterable[str]) -> Circle:
    """A person accepts a practitioner's invitation, sharing what they ticked. Works once."""
    if person.is_practitioner:
        raise CircleError("A practitioner joins with a person's code, under Your people.")
    chosen = sorted(set(categories))
    validate_categories(chosen)
    invitation = _usable(code, made_by_person=False, lock=True)
    assert invitation.practitioner is not None  # made by a practitioner
    return _open_circle(invitation, person, invitation.practitioner, chosen)


def set_categories(person: User, circle: Circle, categories: Iterable[str]) -> None:
    """Change what is shared. It holds from the practitioner's next request."""
    if circle.person_id != person.pk or not circle.is_open:
        raise CircleError("That circle has ended.")
    chosen = sorted(set(categories))
    validate_categories(chosen)
    circle.categories = chosen
    circle.save(update_fields=["categories"])


def end(user: User, circle: Circle) -> None:
    """End a circle, by either of the two — a peer pair's both ways at once. From the next
    request nothing more is shared."""
    if user.pk not in (circle.person_id, circle.practitioner_id):
        raise CircleError("That circle is not yours to end.")
    if circle.is_open:
        circle.ended_at = timezone.now()
        circle.save(update_fields=["ended_at"])
    if circle.group_id is not None:  # a pair
        Circle.objects.filter(
            group_id=circle.group_id,
            person_id=circle.practitioner_id,
            practitioner_id=circle.person_id,
            ended_at__isnull=True,
        ).update(ended_at=circle.ended_at)


def their_key(circle: Circle) -> AbstractContextManager[None]:
    """The person's data key, current for this request only: their words are read (or sealed)
    while the page is drawn or the row written, and nowhere else."""
    return keyring.using(keys.open_data_key(circle.person))


def circles_of(person: User) -> QuerySet[Circle]:
    """The person's open circles, with their practitioners (or peer partners, and groups)."""
    return person.circles.filter(ended_at__isnull=True).select_related("practitioner", "group")


def clients_of(practitioner: User) -> QuerySet[Circle]:
    """The people who invited this practitioner, and have not ended it."""
    return practitioner.clients.filter(ended_at__isnull=True).select_related("person")


def category_names(categories: Iterable[str]) -> list[str]:
    chosen = set(categories)
    return [category.label for category in Category if category.value in chosen]


# --- Comments ----------------------------------------------------------------------------------


def _said(text: str | None, field: str, *, needed: str = "") -> str:
    """Words written into a circle's record (a comment, a suggestion, what a session showed):
    without the spaces around them, within COMMENT_LIMIT, and there at all when `needed` says
    how to ask for them."""
    said = (text or "").strip()
    if needed and not said:
        raise ValidationError({field: needed})
    if len(said) > COMMENT_LIMIT:
        raise ValidationError(
            {field: f"This holds up to {COMMENT_LIMIT} characters (this one has {len(said)})."}
        )
    return said


def _by_id(found: QuerySet[RowT], row_id: Any) -> RowT | None:
    """One of these rows, by an id that came with a request (a malformed one finds nothing)."""
    try:
        return found.filter(pk=row_id).first() if row_id else None
    except (ValidationError, ValueError):
        return None


def comment(circle: Circle, entry: Owned, body: str) -> Comment:
    """The practitioner's comment on an entry the circle shares now (the caller fetched it
    through earned.access.shared, with the person's key current: it is sealed with theirs)."""
    if not circle.is_open or entry.owner_id != circle.person_id:
        raise CircleError("That entry is not shared with you.")
    return Comment.objects.create(
        owner_id=circle.person_id,
        circle=circle,
        author_id=circle.practitioner_id,
        entry_kind=type(entry).exported_as,
        entry_id=entry.pk,
        body=_said(body, "body", needed=FEW_WORDS),
    )


def reply(person: User, to: Comment, body: str) -> Comment:
    """The person's reply, in the same circle. Their own words are looked at, as anywhere."""
    if to.owner_id != person.pk or not to.circle.is_open:
        raise CircleError("That circle has ended.")
    text = _said(body, "body", needed=FEW_WORDS)
    made = Comment.objects.create(
        owner=person,
        circle=to.circle,
        author=person,
        entry_kind=to.entry_kind,
        entry_id=to.entry_id,
        reply_to=to.reply_to or to,
        body=text,
    )
    noticing.look(Comment, [text])
    return made


def set_hidden(person: User, chosen: Comment, hidden: bool) -> None:
    """The person sets a comment aside, or brings it back; only they stop seeing it."""
    if chosen.owner_id == person.pk:
        chosen.hidden_at = timezone.now() if hidden else None
        chosen.save(update_fields=["hidden_at"])


def forget_entries(owner_id: Any, ids: Iterable[Any]) -> None:
    """Entries are being deleted: the comments beside them go with them (earned/records/
    saving.py asks this of every deletion, for the record and all it takes with it)."""
    Comment.objects.filter(owner_id=owner_id, entry_id__in=list(ids)).delete()


def comments_for_person(person: User, entry: Owned) -> QuerySet[Comment]:
    """The comments on one of the person's entries, from every circle, with their replies."""
    return (
        Comment.objects.filter(owner=person, entry_id=entry.pk, reply_to__isnull=True)
        .select_related("author", "circle__practitioner")
        .prefetch_related("replies__author")
    )


def comments_in(circle: Circle, entry: Owned) -> QuerySet[Comment]:
    """The comments on an entry within one circle: what its practitioner sees."""
    return (
        Comment.objects.filter(circle=circle, entry_id=entry.pk, reply_to__isnull=True)
        .select_related("author")
        .prefetch_related("replies__author")
    )


# --- Assignments -------------------------------------------------------------------------------


def assign(
    circle: Circle,
    what: str,
    due: Any = None,
    kind: str = Assignment.Kind.EXPERIENCE,
    prompt: str = "",
    about: str = "",
) -> Assignment:
    """A practitioner suggests something to try before a date: an experience to plan, something
    to write about (one of our journal questions, if they like), a step of one of the person's
    ladders, one of their scripts to rehearse, or a questionnaire to take — a step or a script
    the circle shares now. The person's key must be current: it is sealed with theirs."""
    if not circle.is_open:
        raise CircleError("That circle has ended.")
    kind = Assignment.Kind(kind)
    prompt = prompt if kind == Assignment.Kind.JOURNAL else ""
    choices = suggestible(circle, kind)
    if choices is None:
        about = ""
    elif about not in choices:
        raise ValidationError({"about": ABOUT_MISSING[kind]})
    needed = "" if choices is not None else "Please say what you suggest trying."
    return Assignment.objects.create(
        owner_id=circle.person_id,
        circle=circle,
        kind=kind,
        what=_said(what, "what", needed=needed) or (choices or {}).get(about, ""),
        prompt=prompt,
        about=about,
        due=due,
    )


# What a suggestion of these kinds is about must be chosen; said so when it is not.
ABOUT_MISSING = {
    Assignment.Kind.STEP: "Please choose one of their steps.",
    Assignment.Kind.SCRIPT: "Please choose one of their scripts.",
    Assignment.Kind.QUESTIONNAIRE: "Please choose a questionnaire.",
}


def suggestible(circle: Circle, kind: str) -> dict[str, str] | None:
    """What a suggestion of this kind can be about, by the value the form sends, with its words:
    the steps of the person's ladders and their scripts that the circle shares now, or the
    questionnaires they can take. None for the kinds that are about nothing in particular.
    Words are read: the person's key must be current."""
    if kind == Assignment.Kind.STEP:
        steps = shared(Step, circle).filter(ladder__archived_at__isnull=True)
        return {
            str(step.pk): f"{step.ladder.goal}: {step.description}"
            for step in steps.select_related("ladder").order_by("ladder__created_at", "position")
        }
    if kind == Assignment.Kind.SCRIPT:
        return {str(script.pk): str(script.title) for script in shared(Script, circle)}
    if kind == Assignment.Kind.QUESTIONNAIRE:
        return {key: each.title for key, each in instruments.available(circle.person).items()}
    return None


def waiting(person: User) -> QuerySet[Assignment]:
    """What the person's practitioners suggested and they have not done yet, soonest first."""
    return (
        Assignment.objects.filter(owner=person, done_at__isnull=True, circle__ended_at__isnull=True)
        .select_related("circle__practitioner")
        .order_by("due", "created_at")
    )


def waiting_one(person: User, assignment_id: Any, kind: str, about: str = "") -> Assignment | None:
    """One of the person's waiting assignments of this kind (about this step, script or
    questionnaire), by an id that came with a request (or None)."""
    found = waiting(person).filter(kind=kind)
    return _by_id(found.filter(about=about) if about else found, assignment_id)


def fulfil(person: User, assignment: Assignment, entry: Owned) -> None:
    """The person made an entry of what was suggested: linked, so its outcome can flow back."""
    if assignment.owner_id == person.pk and entry.owner_id == person.pk:
        assignment.entry_kind = type(entry).exported_as
        assignment.entry_id = entry.pk
        assignment.done_at = timezone.now()
        assignment.save(update_fields=["entry_kind", "entry_id", "done_at"])


def assignments_in(circle: Circle) -> QuerySet[Assignment]:
    return Assignment.objects.filter(circle=circle).order_by("-created_at")


# --- Sessions ------------------------------------------------------------------------------------


def log_session(circle: Circle, at: Any, status: str, noticed: str = "", what: str = "") -> Session:
    """The practitioner logs a session (the person's key current: what was noticed is sealed
    with theirs, for them to read)."""
    if not circle.is_open:
        raise CircleError("That circle has ended.")
    text = _said(what, "what")
    return Session.objects.create(
        owner_id=circle.person_id,
        circle=circle,
        at=at,
        status=status,
        noticed=noticed,
        what=text or None,
    )


def sessions_in(circle: Circle) -> QuerySet[Session]:
    return Session.objects.filter(circle=circle).order_by("-at")


def to_note(person: User) -> QuerySet[Session]:
    """Ruptures and repairs noticed in sessions that the person has not yet noted in their own
    record, nor set aside."""
    return (
        Session.objects.filter(owner=person, entry_id__isnull=True, set_aside_at__isnull=True)
        .exclude(noticed="")
        .filter(circle__ended_at__isnull=True)
        .select_related("circle__practitioner")
    )


def to_note_one(person: User, session_id: Any) -> Session | None:
    return _by_id(to_note(person), session_id)


def set_session_aside(person: User, session: Session) -> None:
    if session.owner_id == person.pk:
        session.set_aside_at = timezone.now()
        session.save(update_fields=["set_aside_at"])


def noted(person: User, session: Session, entry: Owned) -> None:
    """What was noticed in a session is now in the person's own record, as they wrote it."""
    if session.owner_id == person.pk and entry.owner_id == person.pk:
        session.entry_kind = type(entry).exported_as
        session.entry_id = entry.pk
        session.save(update_fields=["entry_kind", "entry_id"])
