"""What a practitioner can open of a person's, kind by kind: every kind of entry is read on a page
of its own exactly when the circle shares it at that moment — by its kind, or on its own — and
never when the person unticked the kind, kept the entry private, or ended the circle. Every
page read is in the person's list of reads, and nothing else is."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.db.models import CASCADE, ForeignKey
from django.test import Client
from django.urls import reverse

from earned.access import owned, shared
from earned.accounts.models import User
from earned.circles import readable, services
from earned.circles.models import Circle, Comment, Read
from earned.core.instruments import PHQ_9
from earned.measures import services as measures
from earned.measures.instruments import PRACTICE, available
from earned.measures.placeholder import placeholder_questionnaire
from earned.practice import services as practice
from earned.practice.models import Ladder, Step
from earned.privacy import keyring, keys
from earned.records import saving
from earned.records.models import Category, Owned, Visibility, with_pages
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry
from earned.rituals import services as rituals
from earned.rituals.choices import Kind
from earned.rituals.models import CheckIn
from tests.circle_people import an_experience, in_circle
from tests.conftest import PASSPHRASE
from tests.factories import one_of_everything
from tests.pages import queries_for

pytestmark = pytest.mark.django_db

EVERY_CATEGORY = [category.value for category in Category]

# How the circle stands, and whether the entry is then open to its practitioner.
STATES = {
    "kind shared": True,
    "kind unticked": False,
    "kind shared, entry private": False,
    "kind unticked, entry shared": True,
    "circle ended": False,
}


def by_kind(records: dict[str, Any]) -> dict[str, Owned]:
    return {r.exported_as: r for r in records.values() if isinstance(r, Owned)}


def arrange(circle: Circle, person: User, entry: Owned, state: str) -> None:
    others = [c for c in EVERY_CATEGORY if c != entry.category.value]
    services.set_categories(person, circle, others if "unticked" in state else EVERY_CATEGORY)
    if "private" in state:
        saving.set_visibility(person, entry, Visibility.PRIVATE)
    if "entry shared" in state:
        saving.set_visibility(person, entry, Visibility.SHARED)
    if state == "circle ended":
        services.end(person, circle)


def entry_page(circle: Circle, entry: Owned) -> str:
    return reverse("circles:entry", args=[circle.person_id, entry.exported_as, entry.pk])


def test_every_readable_kind_is_made_by_the_factories(ana: User) -> None:
    assert set(readable.kinds()) <= set(by_kind(one_of_everything(ana)))


@pytest.mark.parametrize("kind", list(readable.NAMES))
def test_an_entry_opens_exactly_when_shared_and_each_read_is_kept(
    kind: str, ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    entry = by_kind(one_of_everything(ana))[kind]
    coach = client_for(okafor)
    problems = []
    for state, opens in STATES.items():
        circle = in_circle(ana, okafor, EVERY_CATEGORY)
        arrange(circle, ana, entry, state)
        reads_before = Read.objects.count()
        answer = coach.get(entry_page(circle, entry))
        comment = coach.post(
            reverse("circles:comment", args=[ana.pk, kind, entry.pk]), {"body": "I noticed this."}
        )
        if answer.status_code != (200 if opens else 404):
            problems.append(f"{state}: the page answered {answer.status_code}")
        if comment.status_code != (302 if opens else 404):
            problems.append(f"{state}: the comment answered {comment.status_code}")
        new_reads = list(Read.objects.order_by("at")[reads_before:])
        expected = [("entry", kind, entry.pk)] if opens else []
        if [(r.page, r.record_kind, r.record_id) for r in new_reads] != expected:
            problems.append(f"{state}: reads kept {new_reads}")
        services.end(okafor, circle)
        saving.set_visibility(ana, entry, Visibility.FOLLOW)
    assert problems == []
    assert Comment.objects.filter(entry_id=entry.pk, author=okafor).count() == 2


def test_an_entry_reads_as_the_person_wrote_it_with_what_came_with_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    coach = client_for(okafor)
    ladder = coach.get(entry_page(circle, records["ladders"])).content.decode()
    assert "Ask for help" in ladder
    assert "Ask a neighbour" in ladder
    assert "The goal" in ladder  # the question Earned asked, as a heading
    shift = coach.get(entry_page(circle, records["shifts"])).content.decode()
    assert "She&#x27;s busy" in shift
    assert "Her phone died" in shift
    # A row written with an entry but kept private on its own stays out of it.
    step = records["steps"]
    saving.set_visibility(ana, step, Visibility.PRIVATE)
    assert (
        "Ask a neighbour" not in coach.get(entry_page(circle, records["ladders"])).content.decode()
    )


def test_the_kind_in_the_address_must_be_the_entrys_own(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    in_circle(ana, okafor, EVERY_CATEGORY)
    coach = client_for(okafor)
    ladder = records["ladders"]
    for kind in ("scripts", "steps", "nonsense", "interactions"):
        assert (
            coach.get(reverse("circles:entry", args=[ana.pk, kind, ladder.pk])).status_code == 404
        )
    assert Read.objects.filter(page="entry").count() == 0


def test_the_person_sees_a_comment_beside_any_kind_of_entry_and_replies(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    in_circle(ana, okafor, EVERY_CATEGORY)
    person, coach = client_for(ana), client_for(okafor)
    for kind in ("journal_entries", "ladders", "safety_plan", "check_ins"):
        entry = records[kind]
        coach.post(
            reverse("circles:comment", args=[ana.pk, kind, entry.pk]), {"body": f"On {kind}"}
        )
        own_page = person.get(entry.get_absolute_url())  # type: ignore[attr-defined]
        assert f"On {kind}" in own_page.content.decode(), kind
        made = Comment.objects.get(entry_id=entry.pk, author=okafor)
        replied = person.post(reverse("circles:reply", args=[made.pk]), {"body": "Thank you"})
        assert replied["Location"] == f"{entry.get_absolute_url()}#comments"  # type: ignore[attr-defined]


def test_the_list_of_reads_names_each_kind_and_filters_by_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    coach, person = client_for(okafor), client_for(ana)
    coach.get(reverse("circles:person", args=[ana.pk]))
    coach.get(entry_page(circle, records["ladders"]))
    coach.get(entry_page(circle, records["journal_entries"]))
    everything = person.get(reverse("circles:seen")).content.decode()
    assert "read a ladder" in everything
    assert "read a journal entry" in everything
    assert "read the overview of what you share" in everything
    assert records["ladders"].get_absolute_url() in everything  # type: ignore[attr-defined]
    ladders = person.get(reverse("circles:seen"), {"what": "ladders"}).content.decode()
    assert "read a ladder" in ladders
    assert "read a journal entry" not in ladders
    assert "read the overview" not in ladders
    overview = person.get(reverse("circles:seen"), {"what": "overview"}).content.decode()
    assert "read the overview" in overview
    assert "read a ladder" not in overview
    nothing = person.get(reverse("circles:seen"), {"what": "scripts"}).content.decode()
    assert "Nothing of that kind has been seen" in nothing


def test_the_overview_shows_check_ins_measures_and_the_newest_of_every_kind_shared(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    with keyring.using(keys.open_data_key(ana, PASSPHRASE)):
        measures.import_questionnaire(ana, json.dumps(placeholder_questionnaire(PHQ_9)).encode())
        phq = available(ana)["phq-9"]
        for answer in (3, 1):  # a total of 27, then of 9: a reliable change down
            made = measures.record(ana, phq, dict.fromkeys(range(1, 10), answer), "").response
            made.at = made.at - datetime.timedelta(days=30 * answer)
            made.save(update_fields=["at"])
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    overview = reverse("circles:person", args=[ana.pk])
    page = client_for(okafor).get(overview).content.decode()
    assert entry_page(circle, records["check_ins"]) in page
    assert "9 of 27" in page  # the latest PHQ-9 score
    assert "Since their first time" in page
    assert "has gone down by 18" in page
    for kind in ("journal_entries", "ladders", "scripts", "safety_plan", "dialogues"):
        assert entry_page(circle, records[kind]) in page, kind
    services.set_categories(ana, circle, [Category.EXPERIENCES])
    page = client_for(okafor).get(overview).content.decode()
    assert "9 of 27" not in page
    assert entry_page(circle, records["check_ins"]) not in page
    assert entry_page(circle, records["ladders"]) not in page


def test_rows_without_a_page_of_their_own_are_seen_only_with_their_entry(
    ana: User, okafor: User
) -> None:
    one_of_everything(ana)
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    pageless = [
        model
        for model in apps.get_models()
        if issubclass(model, Owned) and model.exported_as not in with_pages()
    ]
    made = {model: owned(model, ana).count() for model in pageless}
    assert sum(1 for count in made.values() if count) >= 8  # ratings, turns, links…
    for model in pageless:
        assert shared(model, circle).count() == made[model], model.__name__
    for model in with_pages().values():
        for record in owned(model, ana):
            saving.set_visibility(ana, record, Visibility.PRIVATE)
    written_with_an_entry = {
        model
        for model in pageless
        if any(
            field.related_model in with_pages().values()
            for field in model._meta.concrete_fields
            if isinstance(field, ForeignKey) and field.remote_field.on_delete is CASCADE
        )
    }
    assert {"Rating", "Tested", "Turn", "Interaction"} <= {
        m.__name__ for m in written_with_an_entry
    }
    for model in written_with_an_entry:
        assert not shared(model, circle).exists(), model.__name__


def test_an_entry_part_of_another_is_seen_only_with_it(ana: User, okafor: User) -> None:
    records = one_of_everything(ana)
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    repair, attempt = records["repair_id"], records["attempt_id"]
    assert shared(type(repair), circle).filter(pk=repair.pk).exists()
    saving.set_visibility(ana, records["rupture_id"], Visibility.PRIVATE)
    assert not shared(type(repair), circle).filter(pk=repair.pk).exists()
    saving.set_visibility(ana, records["ladder_id"], Visibility.PRIVATE)  # the step's ladder
    assert not shared(type(attempt), circle).filter(pk=attempt.pk).exists()


# --- Insights, from what is shared ---------------------------------------------------------------


def test_insights_are_drawn_from_the_kinds_shared_and_each_look_is_kept(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)  # debriefed, testing "People leave"
    circle = in_circle(ana, okafor, [Category.EXPERIENCES])
    coach = client_for(okafor)
    address = reverse("circles:insights", args=[ana.pk])
    page = coach.get(address, {"period": "4w"}).content.decode()
    assert "Better or harder than feared" in page  # drawn from experiences
    assert "Mood" not in page  # check-ins are not shared
    assert "People leave" not in page  # nor are expectations: no working model
    assert "No debriefed experiences shared" not in page
    assert [(r.page, r.record_id) for r in Read.objects.all()] == [("insights", None)]
    services.set_categories(ana, circle, [Category.EXPERIENCES, Category.EXPECTATIONS])
    page = coach.get(address).content.decode()
    assert "People leave" in page
    assert (
        reverse("circles:entry", args=[ana.pk, "expectations", experience.expectations.get().pk])
        in page
    )
    saving.set_visibility(ana, experience, Visibility.PRIVATE)
    page = coach.get(address).content.decode()
    assert "No debriefed experiences shared in this period" in page
    assert "not tested yet" in page  # its test went with it
    assert client_for(lind).get(address).status_code == 404
    services.end(ana, circle)
    assert coach.get(address).status_code == 404


# --- However much is shared ---------------------------------------------------------------------


def more_of_everything(person: User, how_many: int) -> None:
    with keyring.using(keys.open_data_key(person)):
        for number in range(how_many):
            ladder = practice.save_ladder(person, Ladder(goal=f"Goal {number}"), [])
            practice.add_step(person, ladder, Step(description="A step", expected_distress=10))
            rituals.save_check_in(person, CheckIn(kind=Kind.MIDDAY, note=f"Word {number}"))
            reflection.save_entry(person, JournalEntry(body=f"Day {number}"), [])
            measures.record(person, PRACTICE, dict.fromkeys(range(1, 6), 2), "")


def test_the_practitioner_s_pages_take_the_same_queries_however_much_is_shared(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    records = by_kind(one_of_everything(ana))
    circle = in_circle(ana, okafor, EVERY_CATEGORY)
    coach = client_for(okafor)
    with keyring.using(keys.open_data_key(ana)):
        services.assign(circle, "", kind="questionnaire", about="practice")
    pages = [
        reverse("circles:person", args=[ana.pk]),
        reverse("circles:insights", args=[ana.pk]) + "?period=all",
        entry_page(circle, records["ladders"]),
    ]
    more_of_everything(ana, 1)
    few = [queries_for(coach, page) for page in pages]
    more_of_everything(ana, 6)
    with keyring.using(keys.open_data_key(ana)):
        for _ in range(3):
            services.assign(circle, "Ask Jo", kind="experience")
        ladder = Ladder.objects.get(pk=records["ladders"].pk)
        practice.add_step(ana, ladder, Step(description="Later", expected_distress=40))
    assert [queries_for(coach, page) for page in pages] == few
