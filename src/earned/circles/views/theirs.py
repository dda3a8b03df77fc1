"""The reader's side: a practitioner joins a circle with a code and sees the people who invited
them; a practitioner or a peer partner reads what each shares — read-only, read through
earned.access at the moment of the request, each read noted for the person. Suggestions and the
session log are a practitioner's."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from earned.access import circle_or_404, get_shared_or_404, shared, signed_in_user
from earned.circles import audit, overview, readable, services
from earned.circles.forms import AssignmentForm, JoinForm, SessionForm
from earned.circles.models import COMMENT_LIMIT, Assignment, Circle
from earned.insights import gathering
from earned.insights.markers import markers
from earned.ledger.models import Expectation, Experience
from earned.records.models import Category, Owned

View = Callable[..., HttpResponse]


def practitioners_only(view: View) -> View:
    """A page for practitioners; anyone else finds nothing here."""

    @login_required
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not signed_in_user(request).is_practitioner:
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return guarded


def readers_only(view: View) -> View:
    """A page of what someone shares, for whoever reads it in an open circle with them — their
    practitioner or their peer partner (`circle_or_404` asks); anyone else finds nothing."""
    return login_required(view)


def say_refused(request: HttpRequest, form: Form) -> None:
    """A practitioner's form that was not accepted, said in one message over the page."""
    messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))


@practitioners_only
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            circle = services.join(signed_in_user(request), form.cleaned_data["code"])
        except services.CircleError as problem:
            form.add_error("code", str(problem))
        else:
            messages.success(request, f"You are now in {circle.person}’s circle.")
            return redirect("circles:person", circle.person_id)
    return render(request, "circles/join.html", {"form": form}, status=400 if form.errors else 200)


@practitioners_only
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    """A one-time code for someone to accept; they choose what to share when they do."""
    code = services.invite_person(signed_in_user(request))
    return render(
        request,
        "circles/invited_person.html",
        {"code": code, "days": services.INVITATION_LIFETIME.days},
    )


@practitioners_only
@require_safe  # read-only: a reader never changes a person's entries
def people(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "circles/people.html",
        {"circles": services.clients_of(user), "invitations": services.open_invitations(user)},
    )


@readers_only
@require_safe  # read-only: a reader never changes a person's entries
def person(request: HttpRequest, client_id: str) -> HttpResponse:
    """What one person shares, at a glance (earned/circles/overview.py gathers it)."""
    circle = circle_or_404(signed_in_user(request), client_id)
    audit.note_read(circle, "overview")
    with services.their_key(circle):
        context = {
            "circle": circle,
            "client": circle.person,
            "shared": services.category_names(circle.categories),
            **overview.gather(circle),
        }
        if not circle.is_pair:  # a practitioner suggests, and logs their sessions
            context["form"] = AssignmentForm(initial={"kind": "experience"}, about=_about(circle))
            context["session_form"] = SessionForm(
                initial={"at": timezone.localtime().replace(second=0, microsecond=0),
                         "status": "held"},
                prefix=SessionForm.prefix,
            )  # fmt: skip
        return render(request, "circles/person.html", context)


@readers_only
@require_safe  # read-only: a reader never changes a person's entries
def insights(request: HttpRequest, client_id: str) -> HttpResponse:
    """The person's working model and week-by-week markers, drawn from what they share only."""
    circle = circle_or_404(signed_in_user(request), client_id)
    audit.note_read(circle, "insights")
    person = circle.person
    chosen = gathering.period(person, request.GET.get("period", ""), through=circle)
    found = gathering.records(person, chosen, through=circle)
    shared_kinds = {Category(value) for value in circle.categories}
    with services.their_key(circle):
        return render(
            request,
            "circles/insights.html",
            {
                "circle": circle,
                "client": person,
                "period": chosen,
                "periods": gathering.PERIODS,
                "beliefs": gathering.working_model(person, through=circle),
                "markers": markers(found, shared_kinds),
                "debriefed": len(found.experiences),
                "shared": services.category_names(circle.categories),
            },
        )


@practitioners_only
@require_POST
def add_assignment(request: HttpRequest, client_id: str) -> HttpResponse:
    """Suggest something to try before a date; it waits on the person's Today."""
    circle = circle_or_404(signed_in_user(request), client_id)
    with services.their_key(circle):
        form = AssignmentForm(request.POST, about=_about(circle))
        if not form.is_valid():
            say_refused(request, form)
        else:
            try:
                services.assign(circle, **form.cleaned_data)
            except ValidationError as refused:
                messages.error(request, " ".join(refused.messages))
            else:
                messages.success(request, f"Suggested. It waits on {circle.person}’s Today.")
    return redirect(reverse("circles:person", args=[circle.person_id]) + "#assignments")


def _about(circle: Circle) -> dict[str, dict[str, str]]:
    """What a suggestion can be about, grouped for the form (the person's key current)."""
    kinds = Assignment.Kind
    return {
        "Their steps": services.suggestible(circle, kinds.STEP) or {},
        "Their scripts": services.suggestible(circle, kinds.SCRIPT) or {},
        "Questionnaires": services.suggestible(circle, kinds.QUESTIONNAIRE) or {},
    }


def _entry_or_404(circle: Circle, kind: str, entry_id: str) -> Owned:
    """One entry of a kind a practitioner can open, if the circle shares it now."""
    model = readable.kind_of(kind)
    if model is None:
        raise Http404("No such page.")
    return get_shared_or_404(model, circle, pk=entry_id)


@readers_only
@require_safe  # read-only: a reader never changes a person's entries
def entry(request: HttpRequest, client_id: str, kind: str, entry_id: str) -> HttpResponse:
    """One entry the person shares, as they wrote it, with the comments beside it."""
    circle = circle_or_404(signed_in_user(request), client_id)
    record = _entry_or_404(circle, kind, entry_id)
    audit.note_read(circle, "entry", record)
    context: dict[str, Any] = {
        "circle": circle,
        "client": circle.person,
        "kind": kind,
        "entry": record,
        "limit": COMMENT_LIMIT,
    }
    if isinstance(record, Experience):
        context["emotions"] = list(record.emotions.all())
        context["tested"] = list(shared(Expectation, circle).filter(tests=record))
    with services.their_key(circle):
        context.update(
            title=readable.title(record),
            when=readable.when(record),
            answers=readable.answers(record),
            read_with=readable.read_with(record, lambda rows: shared(rows, circle)),
            comments=list(services.comments_in(circle, record)),
        )
        template = "experience.html" if isinstance(record, Experience) else "entry.html"
        return render(request, f"circles/{template}", context)


@readers_only
@require_POST
def add_comment(request: HttpRequest, client_id: str, kind: str, entry_id: str) -> HttpResponse:
    """A comment beside an entry the person shares, sealed with their key, for them to read."""
    circle = circle_or_404(signed_in_user(request), client_id)
    record = _entry_or_404(circle, kind, entry_id)
    page = reverse("circles:entry", args=[circle.person_id, kind, record.pk])
    try:
        with services.their_key(circle):
            services.comment(circle, record, request.POST.get("body", ""))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, f"Sent. {circle.person_name} will see it beside the entry.")
    return redirect(f"{page}#comments")


@practitioners_only
@require_POST
def add_session(request: HttpRequest, client_id: str) -> HttpResponse:
    """Log a session: held, cancelled or missed, and a rupture or repair noticed in it."""
    circle = circle_or_404(signed_in_user(request), client_id)
    form = SessionForm(request.POST, prefix=SessionForm.prefix)
    if not form.is_valid():
        say_refused(request, form)
    else:
        with services.their_key(circle):
            services.log_session(circle, **form.cleaned_data)
        messages.success(request, "Logged.")
    return redirect(reverse("circles:person", args=[circle.person_id]) + "#sessions")


@readers_only
def leave(request: HttpRequest, client_id: str) -> HttpResponse:
    """A practitioner (or a peer partner) ends a circle too, after saying what that means."""
    circle = circle_or_404(signed_in_user(request), client_id)
    if request.method == "POST":
        services.end(signed_in_user(request), circle)
        messages.success(request, f"Ended. You no longer see anything of {circle.person_name}’s.")
        if circle.is_pair:
            return redirect("groups:group", circle.group_id)
        return redirect("circles:people")
    return render(request, "circles/leave.html", {"circle": circle, "client": circle.person})
