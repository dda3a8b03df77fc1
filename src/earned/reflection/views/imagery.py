from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.reflection import services
from earned.reflection.forms import ImageryForm
from earned.reflection.imagery import SCRIPTS, SCRIPTS_BY_KEY, Script
from earned.reflection.models import Imagery
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page, list_page

SAVED = "Noted. Come back to it whenever it helps."


@login_required
def imagery(request: HttpRequest) -> HttpResponse:
    sessions = owned(Imagery, signed_in_user(request))
    return list_page(request, sessions, "reflection/imagery.html", scripts=SCRIPTS)


def _session_form(request: HttpRequest, script: Script, instance: Imagery | None) -> HttpResponse:
    user = signed_in_user(request)
    form = ImageryForm(request.POST or None, instance=instance)

    def save(form: ImageryForm) -> Imagery:
        session: Imagery = form.save(commit=False)
        session.script = script.key
        return services.save_imagery(user, session)

    return form_page(
        request,
        form,
        "reflection/imagery_session.html",
        save,
        SAVED,
        {"script": script, "session": instance},
    )


@login_required
def imagery_begin(request: HttpRequest, script_key: str) -> HttpResponse:
    script = SCRIPTS_BY_KEY.get(script_key)
    if script is None:
        raise Http404("No such script.")
    return _session_form(request, script, None)


@login_required
def imagery_edit(request: HttpRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(Imagery, signed_in_user(request), pk=session_id)
    script = session.script_details
    if script is None:
        raise Http404("No such script.")
    return _session_form(request, script, session)


@login_required
def imagery_detail(request: HttpRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(Imagery, signed_in_user(request), pk=session_id)
    return render(request, "reflection/imagery_detail.html", {"session": session})


@login_required
def imagery_delete(request: HttpRequest, session_id: str) -> HttpResponse:
    session = get_owned_or_404(Imagery, signed_in_user(request), pk=session_id)
    return confirm_then_delete(
        request,
        session,
        Deletion(
            title="Delete this note?",
            what=session.search_title,
            consequences=["Your note from this time is deleted for good. The script stays."],
            done="Deleted.",
            then="reflection:imagery-scripts",
        ),
    )
