"""The person's side: invite a practitioner, choose what they see, end it, and see who read what."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from earned.access import owned, signed_in_user
from earned.accounts.models import User
from earned.circles import audit, services
from earned.circles.forms import JoinForm, SharingForm
from earned.circles.models import Circle, Comment, Read, Session
from earned.privacy.opening import read_now
from earned.records.models import with_pages
from earned.relationships import services as relationships
from earned.web.pages import status_of


def _my_circle(request: HttpRequest, circle_id: str) -> Circle:
    return get_object_or_404(
        Circle, pk=circle_id, person=signed_in_user(request), ended_at__isnull=True
    )


@login_required
def circle(request: HttpRequest) -> HttpResponse:
    """Your care circle: who is in it, what each sees, and a way to invite someone."""
    user = signed_in_user(request)
    if user.is_practitioner:
        return redirect("circles:people")
    circles = list(services.circles_of(user))
    read_now([each.group for each in circles if each.group is not None], "name")
    return render(
        request,
        "circles/circle.html",
        {
            "available": services.available(),
            "circles": circles,
            "invitations": services.open_invitations(user),
            "form": SharingForm(),
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SharingForm(request.POST)
    if not services.available() or user.is_practitioner:
        raise Http404("Circles need a practice server.")
    if not form.is_valid():
        messages.error(request, "Please choose from the kinds of entries listed.")
        return redirect("circles:circle")
    code = services.invite(user, form.cleaned_data["categories"])
    return render(
        request,
        "circles/invited.html",
        {
            "code": code,
            "shared": services.category_names(form.cleaned_data["categories"]),
            "days": services.INVITATION_LIFETIME.days,
        },
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, invitation_id: str) -> HttpResponse:
    """Withdraw a code not used yet, by the person or the practitioner who made it."""
    user = signed_in_user(request)
    invitation = get_object_or_404(services.open_invitations(user), pk=invitation_id)
    services.withdraw(user, invitation)
    messages.success(request, "Withdrawn. That code no longer opens anything.")
    return redirect("circles:people" if user.is_practitioner else "circles:circle")


@login_required
def accept(request: HttpRequest) -> HttpResponse:
    """Accept a practitioner's invitation: first the code, then who it is from and what they
    may see. Nothing is shared until the person says so on the second page."""
    user = signed_in_user(request)
    if not services.available() or user.is_practitioner:
        raise Http404("Circles need a practice server.")
    form = JoinForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "circles/accept.html", {"form": form}, status=status_of(form))
    code = form.cleaned_data["code"]
    try:
        practitioner = services.invited_by(user, code)
    except services.CircleError as problem:
        form.add_error("code", str(problem))
        return render(request, "circles/accept.html", {"form": form}, status=400)
    sharing = SharingForm(request.POST if "accept" in request.POST else None)
    if "accept" in request.POST and sharing.is_valid():
        try:
            joined = services.accept(user, code, sharing.cleaned_data["categories"])
        except services.CircleError as problem:
            form.add_error("code", str(problem))
            return render(request, "circles/accept.html", {"form": form}, status=400)
        messages.success(request, f"{joined.practitioner} is in your care circle now.")
        return redirect("circles:circle")
    return render(
        request,
        "circles/accept_sharing.html",
        {"code": code, "practitioner": practitioner, "form": sharing},
        status=status_of(sharing),
    )


@login_required
def sharing(request: HttpRequest, circle_id: str) -> HttpResponse:
    """Change what one practitioner sees. It holds from their next visit."""
    chosen = _my_circle(request, circle_id)
    form = SharingForm(request.POST or None, initial={"categories": chosen.categories})
    if request.method == "POST" and form.is_valid():
        services.set_categories(signed_in_user(request), chosen, form.cleaned_data["categories"])
        messages.success(request, f"Saved. {chosen.reader_name} sees only what is ticked.")
        return redirect("circles:circle")
    return render(
        request,
        "circles/sharing.html",
        {"circle": chosen, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def end(request: HttpRequest, circle_id: str) -> HttpResponse:
    """End a circle, after saying what that means."""
    chosen = _my_circle(request, circle_id)
    if request.method == "POST":
        services.end(signed_in_user(request), chosen)
        messages.success(
            request, f"Ended. {chosen.reader_name} can no longer see anything of yours."
        )
        return redirect("circles:circle")
    return render(request, "circles/end.html", {"circle": chosen})


@login_required
def seen(request: HttpRequest) -> HttpResponse:
    """Who has seen what: every read of your entries by someone else, newest first, by whom and
    of what if you choose."""
    user = signed_in_user(request)
    readers = audit.readers_of(user)
    chosen = request.GET.get("reader", "")
    chosen = chosen if chosen in readers else ""
    what = request.GET.get("what", "")
    what = what if what in audit.READ_KINDS else ""
    reads = list(audit.reads_of(user, chosen, what)[: audit.READS_SHOWN])
    pages = _pages_of(user, reads)
    who = audit.who_read(reads)
    return render(
        request,
        "circles/seen.html",
        {
            "reads": [
                (read, who[read.pk], audit.read_words(read), pages.get(read.record_id))
                for read in reads
            ],
            "readers": readers,
            "chosen": chosen,
            "chosen_name": readers.get(chosen, ""),
            "kinds": audit.READ_KINDS,
            "what": what,
        },
    )


def _pages_of(user: User, reads: list[Read]) -> dict[Any, str]:
    """The page of each entry read that is still there, by its id (one query a kind)."""
    ids: dict[str, set[Any]] = {}
    for read in reads:
        if read.record_id and read.record_kind in with_pages():
            ids.setdefault(read.record_kind, set()).add(read.record_id)
    return {
        record.pk: record.get_absolute_url()  # type: ignore[attr-defined]
        for kind, found in ids.items()
        for record in owned(with_pages()[kind], user).filter(pk__in=found)
    }


def _entry_page(chosen: Comment) -> str:
    """The page of the entry a comment is about, at its comments (or Today, if it is gone)."""
    model = with_pages()[chosen.entry_kind]
    entry = model._default_manager.filter(pk=chosen.entry_id, owner=chosen.owner_id).first()
    if entry is None:
        return reverse("web:today")
    return f"{entry.get_absolute_url()}#comments"  # type: ignore[attr-defined]


@login_required
@require_POST
def reply(request: HttpRequest, comment_id: str) -> HttpResponse:
    user = signed_in_user(request)
    chosen = get_object_or_404(Comment, pk=comment_id, owner=user)
    try:
        services.reply(user, chosen, request.POST.get("body", ""))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    except services.CircleError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, "Sent.")
    return redirect(_entry_page(chosen))


@login_required
@require_POST
def hide(request: HttpRequest, comment_id: str) -> HttpResponse:
    user = signed_in_user(request)
    chosen = get_object_or_404(Comment, pk=comment_id, owner=user)
    hidden = request.POST.get("hidden") != "no"
    services.set_hidden(user, chosen, hidden)
    messages.success(request, "Set aside. It stays hidden from you." if hidden else "Brought back.")
    return redirect(_entry_page(chosen))


@login_required
@require_POST
def note_session(request: HttpRequest, circle_session_id: str) -> HttpResponse:
    """Note in one's own record, in one's own words, what a practitioner noticed in a session:
    their practitioner joins the person's people (as a therapist) if not there already."""
    user = signed_in_user(request)
    session = services.to_note_one(user, circle_session_id)
    if session is None:
        raise Http404("No such session.")
    them = relationships.person_for(user, str(session.circle.practitioner))
    if session.noticed == Session.Noticed.RUPTURE:
        return redirect(
            reverse("relationships:rupture-new") + f"?person={them.pk}&session={session.pk}"
        )
    open_ones = [each for each in relationships.ruptures_of(user).filter(person=them)
                 if each.is_open]  # fmt: skip
    if not open_ones:
        messages.info(
            request,
            f"There is no open rupture with {them.name} to repair. You can note the rupture "
            "first, then its repair.",
        )
        return redirect(them)
    return redirect(
        reverse("relationships:repair-new", args=[open_ones[0].pk]) + f"?session={session.pk}"
    )


@login_required
@require_POST
def set_session_aside(request: HttpRequest, circle_session_id: str) -> HttpResponse:
    user = signed_in_user(request)
    session = services.to_note_one(user, circle_session_id)
    if session is None:
        raise Http404("No such session.")
    services.set_session_aside(user, session)
    messages.success(request, "Set aside. It stays out of your record.")
    return redirect("web:today")
