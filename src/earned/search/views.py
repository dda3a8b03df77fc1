from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import signed_in_user
from earned.search import finding, services
from earned.search.forms import SearchForm


@login_required
def search(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SearchForm(request.GET or None)
    results = None
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    # An index made anew (after an update) is made a step at a time, the page showing how far
    # it has come and going on by itself: years of entries take longer than a page should wait.
    preparing = services.getting_ready(user, query) if query else None
    if query and preparing is None:
        results = finding.find(
            user,
            query,
            kinds=[form.cleaned_data["kind"]] if form.cleaned_data["kind"] else [],
            since=form.cleaned_data["since"],
            until=form.cleaned_data["until"],
            page=request.GET.get("page"),
        )
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "preparing": preparing,
            "page": results.page if results else None,
            "choices": urlencode([(k, v) for k, v in request.GET.items() if k != "page"]),
        },
        status=400 if form.errors else 200,
    )
