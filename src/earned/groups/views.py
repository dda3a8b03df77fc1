"""Groups in the browser: a facilitator's groups and a member's, joining with a code (the
guidelines first, then the name to go by), a group's own page, leaving and ending. Who may open
a group is decided by earned/access.py; each person's words are opened under their own key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from earned.access import (
    entries_shared,
    get_owned_or_404,
    group_entry_or_404,
    group_or_404,
    shared_in,
    signed_in_user,
)
from earned.circles import readable
from earned.circles.audit import note_group_read
from earned.circles.forms import JoinForm
from earned.groups import pairs, services
from earned.groups.forms import ExerciseForm, GroupForm, MeetingForm, MemberForm
from earned.groups.models import (
    REPLY_LIMIT,
    Exercise,
    Group,
    GroupInvitation,
    Meeting,
    Membership,
    Reply,
    Share,
)
from earned.measures.instruments import available
from earned.practice import services as practice
from earned.privacy.opening import read_all_now, read_now
from earned.records.models import Visibility, with_pages
from earned.web.pages import status_of


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
    return render(request, "groups/new.html", {"form": form}, status=status_of(form))


@login_required
def join(request: HttpRequest) -> HttpResponse:
    """First the code; then the group's guidelines, the name to go by, and agreeing."""
    _on_a_server()
    user = signed_in_user(request)
    if user.is_practitioner:
        raise Http404("A facilitator runs groups.")
    form = JoinForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "groups/join.html", {"form": form}, status=status_of(form))
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
        status=status_of(joining),
    )


@login_required
def group(request: HttpRequest, group_id: str) -> HttpResponse:
    """The group's own page: what members share, and who is here by the names they chose; for
    its facilitator, the codes too."""
    group, membership = group_or_404(signed_in_user(request), group_id)
    members = list(services.members(group))
    read_now([group], "name", "description", "guidelines")
    read_now(members, "alias")
    exercises = list(services.exercises_in(group))
    meetings = list(services.meetings_in(group))
    read_now(exercises, "what")
    context: dict[str, Any] = {
        "group": group,
        "members": members,
        "feed": _feed(group, members),
        "exercises": exercises,
        "meetings": meetings,
        "coming": [each for each in meetings if each.at >= timezone.now()],
    }
    if membership is None:
        context["invitations"] = list(services.open_invitations(group))
        context["reported"] = list(services.reported(group))
        context["exercise_form"] = ExerciseForm(initial={"kind": "experience"})
        read_now(context["reported"], "body")
        return render(request, "groups/facilitating.html", context)
    mine = next(each for each in members if each.pk == membership.pk)  # its alias opened
    done = set(mine.done.values_list("exercise_id", flat=True))
    offers, asked, partners = (
        list(pairs.offered_to(mine)), list(pairs.asked_by(mine)), pairs.pairs_of(mine)
    )  # fmt: skip
    read_now([*(o.asking for o in offers), *(a.asked for a in asked),
              *(p.partner for p in partners)], "alias")  # fmt: skip
    return render(
        request,
        "groups/group.html",
        {
            **context, "membership": mine, "done": done, "offers": offers, "asked": asked,
            "pairs": partners, "can_ask": bool(pairs.askable(mine)),
        },
    )  # fmt: skip


@dataclass(frozen=True)
class Shown:
    share: Share
    alias: str
    title: str
    kind: str  # "a journal entry"
    replies: int


def _feed(group: Group, members: list[Membership]) -> list[Shown]:
    """What members share now, newest first, each by the name its member chose."""
    shares = list(shared_in(group).annotate(replies_count=Count("replies")))
    entries = entries_shared(shares)
    read_all_now(entries.values())
    alias = {each.pk: str(each.alias) for each in members}
    return [
        Shown(
            each,
            alias[each.membership_id],
            readable.title(entries[each.pk]),
            readable.one(each.entry_kind),
            each.replies_count,
        )
        for each in shares
        if each.pk in entries
    ]


@login_required
@require_safe
def entry(request: HttpRequest, group_id: str, share_id: str) -> HttpResponse:
    """One entry a member shares with the group, read-only, with the replies beside it. Every
    look by someone else is kept in that member's list of reads."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    share, record = group_entry_or_404(group, share_id)
    note_group_read(user, group, share.membership.owner_id, record)
    replies = list(share.replies.select_related("membership").order_by("at"))
    if membership is not None:  # hidden replies stay with the facilitator
        replies = [each for each in replies if each.hidden_at is None]
    read_all_now([record])
    read_now(replies, "body")
    read_now([share.membership, *(each.membership for each in replies)], "alias")
    read_now([group], "name")
    return render(
        request,
        "groups/entry.html",
        {
            "group": group,
            "membership": membership,
            "share": share,
            "entry": record,
            "title": readable.title(record),
            "kind": readable.one(share.entry_kind),
            "when": readable.when(record),
            "answers": readable.answers(record),
            "read_with": readable.read_with(
                record, lambda rows: rows.exclude(visibility=Visibility.PRIVATE)
            ),
            "replies": replies,
            "limit": REPLY_LIMIT,
            "mine": membership is not None and share.membership_id == membership.pk,
        },
    )


@login_required
@require_POST
def reply(request: HttpRequest, group_id: str, share_id: str) -> HttpResponse:
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    share, _ = group_entry_or_404(group, share_id)
    if membership is None:
        raise Http404("Members reply; the facilitator keeps the room.")
    try:
        services.reply(user, membership, share, request.POST.get("body", ""))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, "Sent.")
    return redirect(reverse("groups:entry", args=[group.pk, share.pk]) + "#replies")


@login_required
@require_POST
def moderate(request: HttpRequest, group_id: str, reply_id: str) -> HttpResponse:
    """A member reports a reply to the facilitator; the facilitator hides one, or brings it
    back."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    chosen = get_object_or_404(
        Reply.objects.select_related("share__membership__group"),
        pk=reply_id,
        share__in=shared_in(group),
    )
    if membership is not None:
        services.report(membership, chosen)
        messages.success(request, "Thank you. The facilitator will look at it.")
    else:
        services.set_hidden(user, chosen, request.POST.get("hidden") != "no")
        messages.success(request, "Done.")
    return redirect(reverse("groups:entry", args=[group.pk, chosen.share_id]) + "#replies")


@login_required
@require_POST
def share(request: HttpRequest, group_id: str) -> HttpResponse:
    """Share one of your entries with a group you are in (from the entry's own page)."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is None:
        raise Http404("Members share their entries.")
    model = with_pages().get(request.POST.get("kind", ""))
    if model is None:
        raise Http404("No such entry.")
    record = get_owned_or_404(model, user, pk=request.POST.get("entry_id"))
    try:
        services.share(user, membership, record)
    except services.GroupError as problem:
        messages.error(request, str(problem))
    else:
        read_now([group], "name")
        messages.success(request, f"Shared with {group.name}. You can take it back at any time.")
    return redirect(record.get_absolute_url())  # type: ignore[attr-defined]


@login_required
@require_POST
def take_back(request: HttpRequest, group_id: str, share_id: str) -> HttpResponse:
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    chosen = get_object_or_404(Share, pk=share_id, membership=membership)
    page = with_pages()[chosen.entry_kind]._default_manager.filter(pk=chosen.entry_id).first()
    services.take_back(user, chosen)
    messages.success(request, "Taken back. The group no longer sees it.")
    if page is None:
        return redirect("groups:group", group.pk)
    return redirect(page.get_absolute_url())  # type: ignore[attr-defined]


@login_required
@require_POST
def post_exercise(request: HttpRequest, group_id: str) -> HttpResponse:
    """The facilitator posts an exercise for every member to do, privately."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is not None:
        raise Http404("The facilitator posts exercises.")
    form = ExerciseForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))
    else:
        try:
            services.post_exercise(user, group, **form.cleaned_data)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, "Posted. Each member sees it on their Today.")
    return redirect(reverse("groups:group", args=[group.pk]) + "#exercises")


@login_required
def start_exercise(request: HttpRequest, group_id: str, exercise_id: str) -> HttpResponse:
    """A member starts an exercise: the page where it is done, in their own Earned."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    exercise = get_object_or_404(Exercise, pk=exercise_id, group=group)
    if membership is None:
        raise Http404("Members do the exercises.")
    asked = f"exercise={exercise.pk}"
    if exercise.kind == Exercise.Kind.PROMPT:
        prompt = f"prompt={exercise.about}&" if exercise.about else ""
        return redirect(f"{reverse('reflection:entry-new')}?{prompt}{asked}")
    if exercise.kind == Exercise.Kind.SCRIPT:
        script = practice.script_from_starter(user, exercise.about)
        return redirect(f"{reverse('practice:rehearse', args=[script.pk])}?{asked}")
    if exercise.kind == Exercise.Kind.QUESTIONNAIRE:
        if exercise.about not in available(user):
            messages.info(
                request,
                "This questionnaire needs its wording first: import it below, then take it "
                "from Today.",
            )
            return redirect("measures:measures")
        return redirect(f"{reverse('measures:take', args=[exercise.about])}?{asked}")
    return redirect(f"{reverse('ledger:plan')}?{asked}")


@login_required
def meeting(request: HttpRequest, group_id: str, meeting_id: str | None = None) -> HttpResponse:
    """The facilitator plans a meeting, or logs one afterwards: held or cancelled, who came."""
    user = signed_in_user(request)
    group, membership = group_or_404(user, group_id)
    if membership is not None:
        raise Http404("The facilitator keeps the group's log.")
    kept = get_object_or_404(Meeting, pk=meeting_id, group=group) if meeting_id else None
    members = list(services.members(group))
    read_now(members, "alias")
    if kept is not None:
        read_now([kept], "note")
    initial = (
        {
            "at": timezone.localtime(kept.at),
            "status": kept.status,
            "note": kept.note or "",
            "came": [str(pk) for pk in kept.came.values_list("pk", flat=True)],
        }
        if kept is not None
        else {"status": Meeting.Status.PLANNED}
    )
    form = MeetingForm(
        request.POST or None, members=members, initial=initial, planning=kept is None
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        weeks = data.pop("weeks", None) or 1
        ticked = data.pop("came")
        came = [each for each in members if str(each.pk) in ticked]
        if weeks > 1:  # only planned meetings repeat (the form sees to it)
            services.plan_weekly(user, group, data["at"], weeks, data["note"])
            messages.success(request, f"Planned: {weeks} meetings, a week apart.")
        else:
            services.keep_meeting(user, group, came=came, meeting=kept, **data)
            messages.success(request, "Kept in the group's log.")
        return redirect(reverse("groups:group", args=[group.pk]) + "#meetings")
    read_now([group], "name")
    return render(
        request,
        "groups/meeting.html",
        {"group": group, "meeting": kept, "form": form},
        status=400 if form.errors else 200,
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
