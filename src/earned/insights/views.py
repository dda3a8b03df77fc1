from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import signed_in_user
from earned.core.mapping import QUADRANTS
from earned.insights import charts, gathering, services
from earned.insights import report as pdf
from earned.insights.forms import SECTIONS, ReportForm


def _period(request: HttpRequest) -> gathering.Period:
    return gathering.period(signed_in_user(request), request.GET.get("period", ""))


@login_required
def insights(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    chosen = _period(request)
    return render(
        request,
        "insights/insights.html",
        {"found": services.insights(user, chosen), "periods": gathering.PERIODS},
    )


@login_required
def place_map(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    chosen = _period(request)
    mapped = services.place_map(user, gathering.records(user, chosen, everything=False))
    chart = charts.place_map([(m.place, m.name, m.url, m.kind) for m in mapped])
    by_name = sorted(chart.spots, key=lambda spot: (-spot.place.count, spot.name))
    grouped = [
        (title, text, [spot for spot in by_name if spot.place.quadrant == key])
        for key, (title, text) in QUADRANTS.items()
    ]
    return render(
        request,
        "insights/map.html",
        {
            "period": chosen,
            "periods": gathering.PERIODS,
            "mapped": mapped,
            "chart": chart,
            "grouped": [group for group in grouped if group[2]],
        },
    )


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The report form; once it is filled in, the PDF itself, downloaded."""
    user = signed_in_user(request)
    default = gathering.period(user, gathering.DEFAULT_PERIOD)
    form = ReportForm(
        request.GET if "first" in request.GET else None,
        initial={"first": default.first, "last": default.last, "sections": list(SECTIONS)},
    )
    if form.is_bound and form.is_valid():
        chosen = gathering.Period(form.cleaned_data["first"], form.cleaned_data["last"])
        document = pdf.render(user, chosen, form.cleaned_data["sections"])
        response = HttpResponse(document, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{pdf.filename(chosen)}"'
        return response
    return render(
        request,
        "insights/report.html",
        {"form": form, "default": default},
        status=400 if form.errors else 200,
    )
