"""What a page was opened to do, when someone suggested it: a practitioner's suggestion
(`?assignment=`) or a group's exercise (`?exercise=`). The pages where things are done — plan
an experience, write in the journal, plan an attempt, rehearse, take a questionnaire — ask here
once, show who suggested it, and say when it is done; the suggestion then links what was
made (a practitioner sees its outcome while shared, a group only that it was done)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest

from earned.access import signed_in_user
from earned.circles import services as circles
from earned.groups import services as groups
from earned.privacy.opening import read_now
from earned.records.models import Owned


@dataclass(frozen=True)
class Suggested:
    by: str  # "Dr Okafor", or a group's name
    what: str
    due: datetime.date | None
    done: Callable[[Owned], None]


def for_page(request: HttpRequest, page: str, about: Iterable[str] = ()) -> Suggested | None:
    """The suggestion this page was opened for, if it is the person's, still waiting and for
    this page (`page`: experience, journal, step, script or questionnaire; `about`: what the
    page is about, a step's or script's id or a questionnaire's key)."""
    user = signed_in_user(request)
    about = [str(each) for each in about if each]
    asked_for = request.GET.get("assignment")  # none on most pages: nothing to look up
    assignment = (
        circles.waiting_one(user, asked_for, page, about[0] if about else "") if asked_for else None
    )
    if assignment is not None:
        return Suggested(
            str(assignment.circle.practitioner),
            str(assignment.what),
            assignment.due,
            lambda entry: circles.fulfil(user, assignment, entry),
        )
    found = groups.exercise_for(user, request.GET.get("exercise"), page, about)
    if found is None:
        return None
    exercise, membership = found
    read_now([exercise.group], "name")
    read_now([exercise], "what")
    return Suggested(
        str(exercise.group.name),
        str(exercise.what),
        exercise.due,
        lambda entry: groups.mark_done(membership, exercise, entry),
    )
