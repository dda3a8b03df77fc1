"""Deleting a record after a page that says what goes and what stays: one way for every kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from earned.access import signed_in_user
from earned.records import saving as records
from earned.records.models import Owned


@dataclass(frozen=True)
class Deletion:
    title: str  # the question, "Delete this experience?"
    what: str  # the record in the person's words, quoted on the page
    consequences: list[str]  # what goes and what stays, a line each
    done: str  # said after deleting
    then: str  # the URL name (or path) to go to afterwards
    alternative: str = field(default="")  # a gentler choice, if there is one
    # The service that deletes, where more than the record itself must change (by default the
    # record is simply deleted).
    delete: Callable[[], object] | None = None


def confirm_then_delete(request: HttpRequest, record: Owned, deletion: Deletion) -> HttpResponse:
    """GET shows the confirmation page (with “Keep it” first); POST deletes, says so, moves on.
    The caller has already fetched `record` through earned.access, so it is the person's own."""
    if request.method == "POST":
        if deletion.delete is not None:
            deletion.delete()
        else:
            records.delete(signed_in_user(request), record)
        messages.success(request, deletion.done)
        return redirect(deletion.then)
    return render(
        request,
        "confirm_delete.html",
        {**asdict(deletion), "back": record.get_absolute_url()},  # type: ignore[attr-defined]
    )
