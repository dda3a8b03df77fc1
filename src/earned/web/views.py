from __future__ import annotations

import zoneinfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone
from django.views import defaults

from earned.access import owned
from earned.accounts.models import User
from earned.api.problems import problem
from earned.core.clock import part_of_day
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.measures import services as measures
from earned.rituals.views import today_cards


@login_required
def today(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.is_practitioner:
        return redirect("circles:people")  # a practitioner's work is with their people
    try:
        local_now = timezone.now().astimezone(zoneinfo.ZoneInfo(user.timezone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        local_now = timezone.now()
    return render(
        request,
        "web/today.html",
        {
            "part_of_day": part_of_day(local_now.hour),
            "local_now": local_now,
            "ready_to_debrief": list(ledger.due_to_debrief(user)[:5]),
            **today_cards(request),
            "measures_due": measures.due(user, started_only=True),
            "coming_up": list(
                owned(Experience, user)
                .filter(status=Experience.Status.PLANNED, happens_at__gt=timezone.now())
                .order_by("happens_at")[:3]
            ),
        },
    )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request refused before any view (an address this server does not answer to): to the
    API, a problem like its others; to a browser, Django's own short page."""
    if request.path.startswith("/api/"):
        return problem(400, "That request could not be read: it was sent to an address this "
                            "server does not answer to.")  # fmt: skip
    return defaults.bad_request(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The calm page, in the app's look; if even that cannot be drawn (the database may be the
    trouble), the same words without the surroundings."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        return HttpResponse(loader.render_to_string("500.html"), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
