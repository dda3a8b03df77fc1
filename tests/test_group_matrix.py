"""Every group route, found from the URL resolver, asked by everyone: an outsider, another
practitioner, a member who left and an anonymous visitor reach nothing; the facilitator and the
members — one of them Ana's peer partner, who reads more of hers in their pair — reach the
group, and on no route does anyone see a word of an entry a member did not share with it, nor a
member's account name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.groups import pairs, services
from earned.privacy import keyring, keys
from earned.records.models import Category
from tests.conftest import make_person
from tests.group_people import a_journal_entry, joined
from tests.routes import naming, routes

pytestmark = pytest.mark.django_db

UNSHARED = "Something only Ana knows about her father"
SHARED = "I asked Jo to wait with me"
FORM = {
    "body": "Kind words", "kind": "journal_entries", "what": "Try it", "about": "",
    "at": "2030-01-08T18:00", "status": "held", "alias": "Someone", "accepted": "on",
    "name": "Renamed", "guidelines": "Be kind",
}  # fmt: skip


ROUTES = routes(naming("group_id"))


def test_the_walk_finds_every_group_route() -> None:
    assert len(ROUTES) >= 14


@pytest.mark.parametrize(
    "persona", ["the facilitator", "a member", "her peer partner", "a member who left",
                "someone else", "another practitioner", "a visitor"],
)  # fmt: skip
def test_nobody_reaches_what_is_not_theirs_and_no_unshared_word_shows(
    persona: str, ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    with keyring.using(keys.open_data_key(okafor)):
        group = services.create(okafor, "Tuesday evenings", "", "Be kind")
    river = joined(ana, group, "River")
    robin = make_person("robin", "Robin Ashworth")
    wren = joined(robin, group, "Wren")
    left = make_person("kit", "Kit Marlowe")
    services.leave(left, joined(left, group, "Finch"))
    cal = make_person("cal", "Cal Whitby")
    heron = joined(cal, group, "Heron")
    # Ana and Cal are peer partners: Ana shares everything with Cal there, but not here.
    pairs.accept(pairs.ask(river, heron, [c.value for c in Category]), [])
    asking = pairs.ask(wren, river, ["practice"])  # Robin asks Ana, who has not answered
    share = services.share(ana, river, a_journal_entry(ana, SHARED))
    unshared = a_journal_entry(ana, UNSHARED)
    with keyring.using(keys.open_data_key(robin)):
        reply = services.reply(robin, wren, share, "Thank you")
    with keyring.using(keys.open_data_key(okafor)):
        exercise = services.post_exercise(okafor, group, "experience", "Ask for help")
        meeting = services.keep_meeting(okafor, group, share.shared_at, "held")
    ids = {
        "group_id": group.pk, "share_id": share.pk, "reply_id": reply.pk,
        "exercise_id": exercise.pk, "meeting_id": meeting.pk,
        "group_invitation_id": group.invitations.first().pk,  # type: ignore[union-attr]
        "pair_request_id": asking.pk,
    }  # fmt: skip
    visitors: dict[str, Callable[[], Client]] = {
        "the facilitator": lambda: client_for(okafor),
        "a member": lambda: client_for(robin),
        "her peer partner": lambda: client_for(cal),
        "a member who left": lambda: client_for(left),
        "someone else": lambda: client_for(make_person("sam", "Sam")),
        "another practitioner": lambda: client_for(lind),
        "a visitor": Client,
    }
    visitor = visitors[persona]()
    inside = persona in ("the facilitator", "a member", "her peer partner")
    problems = []
    for route in ROUTES:
        if route.endswith(("end/", "leave/")):
            continue  # asked last, below: they close the group to the one who asks
        path = "/" + route
        for name, value in ids.items():
            path = path.replace(f"<uuid:{name}>", str(value))
        for method in ("get", "post"):
            data = {**FORM, "entry_id": str(unshared.pk)}
            answer = getattr(visitor, method)(path, data)
            text = answer.content.decode() if answer.status_code == 200 else ""
            if UNSHARED in text or any(name in text for name in ("Ashworth", "Marlowe", "Whitby")):
                problems.append(f"{method.upper()} {path}: shows what it must not")
            if inside:
                continue
            expected = {302} if persona == "a visitor" else {404, 405}
            if answer.status_code not in expected:
                problems.append(f"{method.upper()} {path}: {answer.status_code}")
    assert problems == []
    # Nobody but Ana could share her unshared entry, whatever they sent.
    assert not river.shares.filter(entry_id=unshared.pk).exists()
    if inside:
        assert SHARED in visitor.get(reverse("groups:group", args=[group.pk])).content.decode()
    for closing in ("groups:end", "groups:leave"):
        answer = visitor.post(reverse(closing, args=[group.pk])).status_code
        if not inside:
            assert answer == (302 if persona == "a visitor" else 404), closing
