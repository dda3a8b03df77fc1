from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.safety import services


def crisis(request: HttpRequest) -> HttpResponse:
    """Help right now. Open to everyone, signed in or not: it must never sit behind a login."""
    chosen = request.GET.get("country", "").strip().upper()
    if not chosen and request.user.is_authenticated:
        chosen = request.user.country
    data = services.crisis_data()
    return render(
        request,
        "safety/crisis.html",
        {
            "resources": services.resources_for(chosen) if chosen else None,
            "chosen": chosen,
            "countries": services.country_choices(),
            "data": data,
        },
    )
