"""A practitioner's token reads what a person shares with them — only that, at each call — and
every read is in the person's list of reads; a peer partner is named as the group knows them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.api import tokens
from earned.circles import services as circles
from earned.circles.models import Read
from earned.privacy import keyring, keys
from earned.records.models import Category, Visibility
from tests.circle_people import SITUATION, an_experience, in_circle
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def token_for(person: User, categories: list[str] | None = None) -> Client:
    with keyring.using(keys.open_data_key(person)):
        secret = tokens.create(person, "clinic", categories or list(Category)).secret
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_practitioner_reads_what_is_shared_and_each_read_is_kept(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor, ["experiences"])
    clinic = token_for(okafor)
    people = clinic.get("/api/care/people").json()
    assert people == [
        {"id": str(ana.pk), "name": "Ana", "shares": ["experiences"],
         "since": people[0]["since"]},
    ]  # fmt: skip
    listed = clinic.get(f"/api/care/{ana.pk}/experiences").json()
    assert [each["situation"] for each in listed["items"]] == [SITUATION]
    one = clinic.get(f"/api/care/{ana.pk}/experiences/{experience.pk}")
    assert one.json()["id"] == str(experience.pk)
    reads = list(Read.objects.filter(person=ana).order_by("at"))
    assert [(each.page, each.record_kind) for each in reads] == [
        ("list", "experiences"), ("entry", "experiences"),
    ]  # fmt: skip
    seen = client_for(ana).get("/settings/seen/").content.decode()
    assert "read the list of your experiences" in seen
    # Not shared: another kind, an entry kept private, or once the circle ends — 404.
    assert clinic.get(f"/api/care/{ana.pk}/expectations").json() == {"items": [], "count": 0}
    with keyring.using(keys.open_data_key(ana)):
        experience.visibility = Visibility.PRIVATE
        experience.save(update_fields=["visibility"])
    assert clinic.get(f"/api/care/{ana.pk}/experiences/{experience.pk}").status_code == 404
    assert clinic.get(f"/api/care/{ana.pk}/experiences").json()["count"] == 0
    circles.end(ana, circle)
    assert clinic.get(f"/api/care/{ana.pk}/experiences").status_code == 404
    assert clinic.get("/api/care/people").json() == []


def test_nobody_else_reads_anything_and_a_token_keeps_to_its_kinds(
    ana: User, okafor: User, lind: User
) -> None:
    experience = an_experience(ana)
    in_circle(ana, okafor, ["experiences"])
    for stranger in (token_for(lind), token_for(make_person("robin", "Robin"))):
        assert stranger.get(f"/api/care/{ana.pk}/experiences").status_code == 404
        url = f"/api/care/{ana.pk}/experiences/{experience.pk}"
        assert stranger.get(url).status_code == 404
    narrow = token_for(okafor, ["measures"])
    assert narrow.get(f"/api/care/{ana.pk}/experiences").status_code == 403
    assert not Read.objects.exists()


def test_a_peer_partner_is_named_as_the_group_knows_them(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    from earned.groups import pairs
    from tests.group_people import a_group, joined

    ana.display_name = "Ana Lindqvist"
    ana.save(update_fields=["display_name"])
    group = a_group(okafor)
    river = joined(ana, group, "River")
    robin = make_person("robin", "Robin Ashworth")
    wren = joined(robin, group, "Wren")
    pairs.accept(pairs.ask(river, wren, ["experiences"]), [])
    an_experience(ana)
    partner = token_for(robin)
    people = partner.get("/api/care/people").json()
    assert [each["name"] for each in people] == ["River"]
    assert "Lindqvist" not in partner.get(f"/api/care/{ana.pk}/experiences").content.decode()
    read = Read.objects.get(person=ana)
    assert read.by_alias
