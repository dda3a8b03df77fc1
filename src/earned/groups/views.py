"""Groups in the browser: a facilitator's groups and a member's, joining with a code (the
guidelines first, then the name to go by), a group's own page, leaving and ending. Who may open
a group is decided by earned/access.py; each person's words are opened under their own key."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from earned.access import group_or_404, signed_in_user
from earned.circles.forms import JoinForm
from earned.groups import services
from earned.groups.forms import GroupForm, MemberForm
from earned.groups.models import GroupInvitation
from earned.privacy.opening import read_now


def _on_a_server() -> None:
    if not services.available():
        raise Http404("Groups need a practice server.")


@login_required
def groups(request: HttpRequest) -> HttpResponse:
    """A facilitator's groups, or the groups a person is in."""
    _on_a_server()
    user = signed_in_user(request)
    if user.is_practitioner:
        led = list(services.led_by(user))
        return render(request, "groups/led.html", {"groups": led})
    memberships = list(services.memberships_of(user))
    read_now([each.group for each in memberships], "name")
    return render(request, "groups/mine.html", {"memberships": memberships})


@login_required
def new(request: HttpRequest) -> HttpResponse:
    _on_a_server()
    user = signed_in_user(request)
    if not user.is_practitioner:
        raise Http404("Groups are made by a facilitator.")
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.create(user, **form.cleaned_data)
        messages.success(request, "Made. Invite members with a code for each.")
        return redirect("groups:group", group.pk)
    return render(request, "groups/new.html", {"form": form}, status=_status(form))


@login_required
def join(request: HttpRequest) -> HttpResponse:
    """First the code; then the group's guidelines, the name to go by, and agreeing."""
    _on_a_server()
    user = signed_in_user(request)
    if user.is_practitioner:
        raise Http404("A facilitator runs groups.")
    form = JoinForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "groups/join.html", {"form": form}, status=_status(form))
    code = form.cleaned_data["code"]
    try:
        group = services.invited_to(user, code)
    except services.GroupError as problem:
        form.add_error("code", str(problem))
        return render(request, "groups/join.html", {"form": form}, status=400)
    joining = MemberForm(request.POST if "alias" in request.POST else None, initial={"code": code})
    if joining.is_bound and joining.is_valid():
        try:
            services.join(
                user, code, joining.cleaned_data["alias"], joining.cleaned_data["accepted"]
            )
        except ValidationError as refused:
            for field, problems in refused.message_dict.items():
                joining.add_error(field, problems)
        except services.GroupError as problem:
            form.add_error("code", str(problem))
            return render(request, "groups/join.html", {"form": form}, status=400)
        else:
            messages.success(request, "Welcome. You are in the group.")
            return redirect("groups:group", group.pk)
    read_now([group], "name", "description", "guidelines")
    return render(
        request,
        "groups/joining.html",
        {"group": group, "form": joining},
        status=_status(joining),
    )


@login_required
def group(request: HttpRequest, group_id: str) -> HttpResponse:
    """The group's own page: for its facilitator, the members and the codes; for a member, the
    guidelines and who is in it, by the names they chose."""
    group, membership = group_or_404(signed_in_user(request), group_id)
    members = list(services.members(group))
    read_now([group], "name", "description", "guidelines")
    read_now(members, "alias")
    if membership is None:
        invitations = list(services.open_invitations(group))
        return render(
            request,
            "groups/facilitating.html",
            {"group": group, "members": members, "invitations": invitations},
        )
    mine = next(each for each in members if each.pk == membership.pk)  # its alias opened
    return render(
        request, "groups/group.html", {"group": group, "members": members, "membership": mine}
    )


@login_required
@require_POST
def invite(request: HttpRequest, group_id: str) -> HttpResponse:
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is not None:
        raise Http404("Only the facilitator invites.")
    code = services.invite(user, group)
    days = services.INVITATION_LIFETIME.days
    return render(request, "groups/invited.html", {"group": group, "code": code, "days": days})


@login_required
@require_POST
def withdraw(request: HttpRequest, group_id: str, group_invitation_id: str) -> HttpResponse:
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is not None:
        raise Http404("Only the facilitator withdraws a code.")
    services.withdraw(user, get_object_or_404(GroupInvitation, pk=group_invitation_id, group=group))
    messages.success(request, "Withdrawn. That code no longer opens the group.")
    return redirect("groups:group", group.pk)


@login_required
def leave(request: HttpRequest, group_id: str) -> HttpResponse:
    """A member leaves, after a page that says what leaving means."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is None:
        raise Http404("A facilitator ends a group; members leave it.")
    if request.method == "POST":
        services.leave(user, membership)
        messages.success(request, "You have left the group. It sees nothing of yours any more.")
        return redirect("groups:groups")
    read_now([group], "name")
    return render(request, "groups/leave.html", {"group": group})


@login_required
def end(request: HttpRequest, group_id: str) -> HttpResponse:
    """The facilitator ends the group, after a page that says what ending means."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is not None:
        raise Http404("A facilitator ends a group; members leave it.")
    if request.method == "POST":
        services.end(user, group)
        messages.success(request, "Ended. The group no longer opens for anyone.")
        return redirect("groups:groups")
    return render(request, "groups/end.html", {"group": group})


def _status(form: JoinForm | GroupForm | MemberForm) -> int:
    return 400 if form.is_bound and form.errors else 200
