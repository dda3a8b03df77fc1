"""Every practitioner's route, found from the URL resolver, asked by every persona: only the
person's own practitioner, in an open circle, reaches it — and her peer partner, in an open
pair, the pages of what she shares (not suggesting, nor the session log); everyone else —
another practitioner, another person, someone else in her group, the person herself, an
anonymous visitor, her practitioner or partner once it ended — finds nothing (a sign-in page
for the visitor). Only the readers' looks at a page are kept in her list of reads, each exactly
once; nothing else writes one."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.circles import readable, services
from earned.circles.models import Read
from earned.groups import pairs
from earned.groups.models import Membership
from earned.privacy import keyring, keys
from earned.records.models import Category, Owned
from tests.circle_people import in_circle
from tests.conftest import make_person
from tests.factories import one_of_everything
from tests.routes import naming, routes

pytestmark = pytest.mark.django_db

# What each POST sends, so it reaches the view's work rather than a form error.
FORM = {
    "body": "A word between sessions", "kind": "experience", "what": "Ask Jo for help",
    "session-at": "2026-12-01T10:00", "session-status": "held",
}  # fmt: skip


ROUTES = routes(naming("client_id"))


def addresses(ana: User, records: dict[str, Owned]) -> Iterator[tuple[str, str]]:
    """Every practitioner's route, once for each kind of entry it can name."""
    for route in ROUTES:
        path = "/" + route.replace("<uuid:client_id>", str(ana.pk))
        if "<slug:kind>" not in route:
            yield route, path
            continue
        for kind in readable.kinds():
            entry = records[kind]
            yield route, path.replace("<slug:kind>", kind).replace("<uuid:entry_id>", str(entry.pk))


def test_the_walk_finds_every_practitioners_route() -> None:
    assert len(ROUTES) >= 7
    assert any("insights" in route for route in ROUTES)


@pytest.mark.parametrize(
    "persona", ["her practitioner", "another practitioner", "another person", "herself",
                "a visitor", "her practitioner, after it ended", "her peer partner",
                "her peer partner, after the pair ended", "someone in her group"],
)  # fmt: skip
def test_only_her_practitioner_in_an_open_circle_reaches_any_route(
    persona: str,
    ana: User,
    okafor: User,
    lind: User,
    client_for: Callable[[User], Client],
) -> None:
    made = one_of_everything(ana)  # in a group, where Wren asked her to practise as a pair
    records = {r.exported_as: r for r in made.values() if isinstance(r, Owned)}
    everything = [category.value for category in Category]
    circle = in_circle(ana, okafor, everything)
    pair = pairs.accept(made["pair_request_id"], everything)
    wren = made["pair_request_id"].asking.owner
    someone = make_person("cal", "Cal")
    with keyring.using(keys.open_data_key(someone)):
        Membership.objects.create(
            group=made["group_id"], owner=someone, alias="Heron",
            accepted_guidelines_at=pair.started_at,
        )  # fmt: skip
    in_circle(make_person("robin", "Robin"), lind)  # Dr Lind has people of her own
    visitors: dict[str, Callable[[], Client]] = {
        "her practitioner": lambda: client_for(okafor),
        "another practitioner": lambda: client_for(lind),
        "another person": lambda: client_for(make_person("sam", "Sam")),
        "herself": lambda: client_for(ana),
        "a visitor": Client,
        "her practitioner, after it ended": lambda: client_for(okafor),
        "her peer partner": lambda: client_for(wren),
        "her peer partner, after the pair ended": lambda: client_for(wren),
        "someone in her group": lambda: client_for(someone),
    }
    visitor = visitors[persona]()
    if persona.endswith("after it ended"):
        services.end(ana, circle)
    if persona.endswith("after the pair ended"):
        services.end(ana, pair)
    reaches = persona in ("her practitioner", "her peer partner")
    problems = []
    for route, path in addresses(ana, records):
        if route.endswith("end/"):
            continue  # leaving is asked for last, below
        a_practitioners = route.endswith(("assignments/", "sessions/"))
        reaches_this = reaches and not (persona == "her peer partner" and a_practitioners)
        # A page or a saved form (redirected); a method a route never takes is refused (405)
        # before any person is looked for, whoever asks.
        allowed = (
            {200, 302, 405} if reaches_this else {302} if persona == "a visitor" else {404, 405}
        )
        for method in ("get", "post"):
            reads = Read.objects.count()
            answer = getattr(visitor, method)(path, FORM)
            code = answer.status_code
            if code not in allowed:
                problems.append(f"{method.upper()} {path}: {code}")
            elif persona == "a visitor" and reverse("accounts:sign-in") not in answer["Location"]:
                problems.append(f"{method.upper()} {path}: not the sign-in page")
            looked = reaches_this and method == "get" and code == 200
            if Read.objects.count() - reads != (1 if looked else 0):
                problems.append(f"{method.upper()} {path}: {Read.objects.count() - reads} reads")
    leave = reverse("circles:leave", args=[ana.pk])
    expected = 302 if reaches or persona == "a visitor" else 404
    if visitor.post(leave).status_code != expected:
        problems.append(f"POST {leave}: not {expected}")
    assert problems == []
    assert circle.__class__.objects.get(pk=circle.pk).is_open is (
        persona not in ("her practitioner", "her practitioner, after it ended")
    )
    assert circle.__class__.objects.get(pk=pair.pk).is_open is (
        persona not in ("her peer partner", "her peer partner, after the pair ended")
    )
