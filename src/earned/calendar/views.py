from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from earned.access import signed_in_user
from earned.calendar import services
from earned.calendar.forms import RitualTimesForm
from earned.calendar.models import CalendarFeed
from earned.privacy import keyring


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """The person's calendar: ritual times, the secret link (made, replaced or stopped), their
    words in events or not, and a download."""
    user = signed_in_user(request)
    feed = CalendarFeed.objects.filter(owner=user).first() or CalendarFeed(owner=user)
    times = RitualTimesForm(request.POST or None, instance=feed)
    step = request.POST.get("step")
    if step == "times" and times.is_valid():
        services.set_rituals(user, **{name: times.cleaned_data[name] for name in times.fields})
        messages.success(request, "Your ritual times are saved.")
        return redirect("calendar:settings")
    if step == "link":
        services.make_link(user)
        said = "A new link is made; the one before no longer works." if feed.prefix else (
            "Your calendar link is ready: add it to your calendar app below.")  # fmt: skip
        messages.success(request, said)
        return redirect("calendar:settings")
    if step == "stop":
        services.stop_link(user)
        messages.info(request, "The link is stopped: no calendar can read it any more.")
        return redirect("calendar:settings")
    if step == "words":
        services.set_words(user, request.POST.get("with_words") == "on")
        messages.success(request, "Saved.")
        return redirect("calendar:settings")
    link = services.link_of(feed)
    address = request.build_absolute_uri(f"/calendar/{link}.ics") if link else ""
    context = {"feed": feed, "times": times if step == "times" else RitualTimesForm(instance=feed),
               "address": address, "webcal": "webcal://" + address.partition("://")[2]}  # fmt: skip
    status = 400 if step == "times" else 200
    return render(request, "calendar/settings.html", context, status=status)


@login_required
def download(request: HttpRequest) -> HttpResponse:
    """The same calendar as a file, to import once (with words if the person has them on)."""
    user = signed_in_user(request)
    feed = services.feed_of(user)
    events = services.happenings(user, feed, words=feed.with_words)
    response = _ics(services.calendar(user, events, request.build_absolute_uri("/")))
    response["Content-Disposition"] = 'attachment; filename="earned.ics"'
    return response


def feed(request: HttpRequest, whole: str) -> HttpResponse:
    """What a calendar app reads from the secret link: no session, the link alone."""
    found = services.opened(whole)
    if found is None:
        raise Http404
    owner = found.feed.owner
    with keyring.using(found.data_key):
        events = services.happenings(owner, found.feed, words=found.data_key is not None)
    return _ics(services.calendar(owner, events, request.build_absolute_uri("/")))


def _ics(data: bytes) -> HttpResponse:
    return HttpResponse(data, content_type="text/calendar; charset=utf-8")
