from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import owned, signed_in_user
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift


@login_required
def reflect(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    counts = {
        name: owned(model, user).count()
        for name, model in (
            ("entries", JournalEntry),
            ("dialogues", Dialogue),
            ("imagery", Imagery),
            ("shifts", Shift),
        )
    }
    return render(request, "reflection/reflect.html", counts)
