"""Every care operation of the API, asked with a token by every persona, under every kind of
grant: only her practitioner and her peer partner, while their circle is open, read anything —
exactly the entries she shares at that moment (of a kind she shares and not kept private, or
shared on its own) — and each list or entry they read is one line in her list of reads. Anyone
else (another practitioner, another person, someone in her group, herself, either reader once it
ended) finds nothing, and nothing of theirs is kept as a read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.api import tokens
from earned.api.main import api
from earned.circles import readable, services
from earned.circles.models import Read
from earned.groups import pairs
from earned.groups.models import Membership
from earned.privacy import keyring, keys
from earned.records.models import Category, Owned, Visibility
from tests.circle_people import in_circle
from tests.conftest import make_person
from tests.factories import one_of_everything

pytestmark = pytest.mark.django_db

EVERY_KIND = [category.value for category in Category]
GRANTS = {  # what Ana shares with both readers: kinds, and entries marked one by one
    "every kind": (EVERY_KIND, None),
    "experiences only": (["experiences"], None),
    "every kind, each entry kept private": (EVERY_KIND, Visibility.PRIVATE),
    "experiences only, one journal entry shared too": (["experiences"], Visibility.SHARED),
}
PERSONAS = ("her practitioner", "another practitioner", "another person", "herself",
            "her practitioner, after it ended", "her peer partner",
            "her peer partner, after the pair ended", "someone in her group")  # fmt: skip
READERS = ("her practitioner", "her peer partner")
CARE_ROUTES = [path for path in api.get_openapi_schema()["paths"] if "{person_id}" in path]


def calling(person: User) -> Client:
    with keyring.using(keys.open_data_key(person)):
        secret = tokens.create(person, "clinic", EVERY_KIND).secret
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_the_walk_finds_a_list_and_an_entry_of_every_kind_a_reader_can_open() -> None:
    assert len(CARE_ROUTES) == 2 * len(readable.kinds())


@pytest.mark.parametrize("grant", list(GRANTS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_a_reader_reads_only_what_she_shares_now(
    persona: str, grant: str, ana: User, okafor: User, lind: User
) -> None:
    made = one_of_everything(ana)  # in a group, where Wren asked her to practise as a pair
    records = {r.exported_as: r for r in made.values() if isinstance(r, Owned)}
    categories, marked = GRANTS[grant]
    if marked == Visibility.PRIVATE:
        for model in readable.kinds().values():
            model._default_manager.filter(owner=ana).update(visibility=marked)
    elif marked == Visibility.SHARED:
        entry = records["journal_entries"]
        type(entry)._default_manager.filter(pk=entry.pk).update(visibility=marked)
    circle = in_circle(ana, okafor, categories)
    pair = pairs.accept(made["pair_request_id"], categories)
    wren = made["pair_request_id"].asking.owner
    someone = make_person("cal", "Cal")
    with keyring.using(keys.open_data_key(someone)):
        Membership.objects.create(group=made["group_id"], owner=someone, alias="Heron",
                                  accepted_guidelines_at=pair.started_at)  # fmt: skip
    in_circle(make_person("robin", "Robin"), lind)  # Dr Lind has people of her own
    who: dict[str, Callable[[], User]] = {
        "her practitioner": lambda: okafor, "another practitioner": lambda: lind,
        "another person": lambda: make_person("sam", "Sam"), "herself": lambda: ana,
        "her practitioner, after it ended": lambda: okafor, "her peer partner": lambda: wren,
        "her peer partner, after the pair ended": lambda: wren,
        "someone in her group": lambda: someone,
    }  # fmt: skip
    reader = calling(who[persona]())
    if persona.endswith("after it ended"):
        services.end(ana, circle)
    if persona.endswith("after the pair ended"):
        services.end(ana, pair)

    def shared_now(model: type[Owned]) -> set[str]:  # the grant, without earned/access.py
        return {
            str(pk)
            for pk, visibility in model._default_manager.filter(owner=ana).values_list(
                "pk", "visibility"
            )
            if (model.category in categories and visibility != Visibility.PRIVATE)
            or visibility == Visibility.SHARED
        }

    reaches = persona in READERS
    people = reader.get("/api/care/people").json()
    assert (str(ana.pk) in [each["id"] for each in people]) is reaches
    problems = []
    for route in CARE_ROUTES:
        for kind in readable.kinds():
            record = records[kind]
            url = (
                route.replace("{person_id}", str(ana.pk))
                .replace("{kind}", kind)
                .replace("{record_id}", str(record.pk))
            )
            if f"/{kind}" not in route:
                continue
            reads = Read.objects.count()
            answer = reader.get(url)
            listing = "{record_id}" not in route
            shared = shared_now(type(record))
            if not reaches:
                expected, seen = 404, None
            elif listing:
                expected, seen = 200, shared
            else:
                expected, seen = (200 if str(record.pk) in shared else 404), None
            if answer.status_code != expected:
                problems.append(f"{url}: {answer.status_code}, not {expected}")
                continue
            if listing and seen is not None:
                listed = {each["id"] for each in answer.json()["items"]}
                if listed != seen:
                    problems.append(f"{url}: lists {listed}, not {seen}")
            if Read.objects.count() - reads != (1 if expected == 200 else 0):
                problems.append(f"{url}: {Read.objects.count() - reads} reads kept")
    assert problems == []
    assert (Read.objects.filter(person=ana).exists()) is reaches
