"""Care circles on a practice server: a person invites a practitioner with a one-time code,
chooses what they see, and ends it when they like; the practitioner reads only what is shared at
the moment of the request, never changes anything, and every read is listed for the person."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.circles import services
from earned.circles.models import (
    Circle,
    Invitation,
    Read,
    default_categories,
)
from earned.core import codes
from earned.exchange import services as exchange
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.privacy import keyring, keys
from earned.records.models import Category, Visibility
from earned.relationships import services as relationships
from earned.relationships.models import Person, Repair, Rupture
from tests.circle_people import (
    SITUATION,
    an_experience,
    experience_page,
    in_circle,
)
from tests.conftest import PASSPHRASE, make_person
from tests.pages import queries_for

pytestmark = pytest.mark.django_db

# --- Inviting and joining ----------------------------------------------------------------------


def test_a_code_opens_one_circle_once_sharing_what_was_ticked(ana: User, okafor: User) -> None:
    code = services.invite(ana, [Category.EXPERIENCES, Category.EXPECTATIONS])
    assert len(code.replace("-", "")) == codes.LENGTH
    assert not Invitation.objects.filter(code_hash__contains=code).exists()  # only a hash
    circle = services.join(okafor, code.lower().replace("-", " "))  # as typed, loosely
    assert circle.person == ana
    assert circle.categories == ["expectations", "experiences"]
    with pytest.raises(services.CircleError, match="used already"):
        services.join(okafor, code)


def test_reflection_is_not_shared_unless_the_person_ticks_it() -> None:
    assert Category.REFLECTION not in default_categories()
    assert set(default_categories()) | {Category.REFLECTION} == set(Category)


@pytest.mark.parametrize("problem", ["expired", "not a practitioner", "wrong code", "twice"])
def test_a_code_that_cannot_open_a_circle_says_so_and_opens_nothing(
    ana: User, okafor: User, problem: str
) -> None:
    code = services.invite(ana, [])
    joiner = okafor
    if problem == "expired":
        Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    elif problem == "not a practitioner":
        joiner = make_person("robin", "Robin")
    elif problem == "wrong code":
        code = "AAAA-BBBB-CCCC"
    else:
        in_circle(ana, okafor)
    opened = Circle.objects.count()
    with pytest.raises(services.CircleError):
        services.join(joiner, code)
    assert Circle.objects.count() == opened


def test_a_local_earned_explains_that_circles_need_a_practice_server(
    owner: User, owner_client: Client
) -> None:
    with pytest.raises(services.CircleError, match="practice server"):
        services.invite(owner, [])
    page = owner_client.get(reverse("circles:circle")).content.decode()
    assert "Circles need a practice server" in page
    assert "download everything" in page
    assert owner_client.post(reverse("circles:invite"), {"categories": []}).status_code == 404


def test_a_practitioner_account_is_made_only_on_a_practice_server(
    owner: User, settings: SettingsWrapper
) -> None:
    from earned.accounts import services as accounts

    settings.IS_SERVER = True
    made = accounts.create_account(
        name="Dr Okafor", passphrase="a long and quiet river stone", practitioner=True
    )
    assert made.is_practitioner
    settings.IS_SERVER = False
    with pytest.raises(accounts.AccountError, match="practice server"):
        accounts.create_account(
            name="Dr Lind", passphrase="a long and quiet river", practitioner=True
        )


# --- In the browser ----------------------------------------------------------------------------


def test_invite_join_read_and_see_who_read_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    person, coach = client_for(ana), client_for(okafor)
    made = person.post(reverse("circles:invite"), {"categories": ["experiences"]})
    code = made.context["code"]
    assert code in made.content.decode()
    joined = coach.post(reverse("circles:join"), {"code": code})
    assert joined.status_code == 302
    overview = coach.get(joined["Location"])
    assert SITUATION in overview.content.decode()
    assert "People leave" not in overview.content.decode()  # expectations are not shared
    page = coach.get(experience_page(Circle.objects.get(), experience)).content.decode()
    assert "She said yes" in page
    seen = person.get(reverse("circles:seen")).content.decode()
    assert "Dr Okafor" in seen
    assert "read an experience" in seen
    assert "read the overview of what you share" in seen


def test_a_practitioner_only_reads(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    coach = client_for(okafor)
    assert coach.post(experience_page(circle, experience), {"situation": "x"}).status_code == 405
    assert coach.get(reverse("ledger:experience", args=[experience.pk])).status_code == 404
    assert coach.get(reverse("ledger:edit", args=[experience.pk])).status_code == 404


def test_a_practitioner_s_home_is_their_people_and_a_person_s_is_today(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor)
    coach = client_for(okafor)
    assert coach.get(reverse("web:today"))["Location"] == reverse("circles:people")
    assert "Ana" in coach.get(reverse("circles:people")).content.decode()
    assert client_for(ana).get(reverse("circles:people")).status_code == 404
    assert client_for(ana).get(reverse("circles:join")).status_code == 404


# --- Who sees what: every category, visibility, open or ended --------------------------------


@pytest.mark.parametrize(
    ("category_shared", "visibility", "ended"),
    list(itertools.product([True, False], list(Visibility), [False, True])),
)
def test_an_entry_is_seen_exactly_when_the_circle_shares_it_now(
    ana: User,
    okafor: User,
    lind: User,
    client_for: Callable[[User], Client],
    category_shared: bool,
    visibility: Visibility,
    ended: bool,
) -> None:
    experience = an_experience(ana)
    Experience.objects.filter(pk=experience.pk).update(visibility=visibility)
    circle = in_circle(ana, okafor, ["experiences"] if category_shared else ["measures"])
    in_circle(ana, lind)  # another practitioner's circle widens nothing for this one
    if ended:
        services.end(ana, circle)
    expected = not ended and (
        visibility == Visibility.SHARED or (category_shared and visibility == Visibility.FOLLOW)
    )
    coach = client_for(okafor)
    reads = Read.objects.filter(reader=okafor).count()
    answer = coach.get(experience_page(circle, experience))
    assert answer.status_code == (200 if expected else 404)
    overview = coach.get(reverse("circles:person", args=[ana.pk]))
    assert overview.status_code == (404 if ended else 200)
    assert (SITUATION in overview.content.decode()) == expected
    # Each page that was shown is one read, and nothing else is.
    assert Read.objects.filter(reader=okafor).count() == reads + (0 if ended else 1 + expected)


def test_changing_what_is_shared_holds_from_the_next_request(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    coach, person = client_for(okafor), client_for(ana)
    assert coach.get(experience_page(circle, experience)).status_code == 200
    person.post(reverse("circles:sharing", args=[circle.pk]), {"categories": ["measures"]})
    assert coach.get(experience_page(circle, experience)).status_code == 404
    person.post(reverse("circles:end", args=[circle.pk]))
    assert coach.get(reverse("circles:person", args=[ana.pk])).status_code == 404
    assert "Nobody yet" in coach.get(reverse("circles:people")).content.decode()


def test_nobody_else_reads_anything(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client], client: Client
) -> None:
    """Another practitioner, another person, the person herself on the practitioner's pages,
    and a visitor signed out: a 404 (or the sign-in page), and no read noted."""
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    robin = make_person("robin", "Robin")
    pages = [reverse("circles:person", args=[ana.pk]), experience_page(circle, experience)]
    for visitor in (client_for(lind), client_for(robin), client_for(ana)):
        for page in pages:
            assert visitor.get(page).status_code == 404
    for page in pages:
        assert client.get(page)["Location"].startswith(reverse("accounts:sign-in"))
    assert not Read.objects.exists()


def test_the_person_s_own_reading_is_not_in_their_list(
    ana: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    client_for(ana).get(reverse("ledger:experience", args=[experience.pk]))
    assert not Read.objects.exists()


def test_either_can_end_the_circle(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    in_circle(ana, okafor)
    coach = client_for(okafor)
    assert coach.get(reverse("circles:leave", args=[ana.pk])).status_code == 200  # asks first
    assert Circle.objects.get().is_open
    coach.post(reverse("circles:leave", args=[ana.pk]))
    assert not Circle.objects.get().is_open
    assert "Nobody yet" in client_for(ana).get(reverse("circles:circle")).content.decode()


def test_erasing_the_account_leaves_nothing_of_the_circle(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor)
    client_for(okafor).get(experience_page(circle, experience))
    services.invite(ana, [])
    exchange.erase_account(ana)
    assert not Circle.objects.exists()
    assert not Read.objects.exists()
    assert not Invitation.objects.exists()
    assert (
        client_for(okafor).get(reverse("circles:person", args=[circle.person_id])).status_code
        == 404
    )


def test_the_overview_shows_the_working_model_when_shared(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    an_experience(ana)
    in_circle(ana, okafor, ["expectations"])
    page = client_for(okafor).get(reverse("circles:person", args=[ana.pk])).content.decode()
    assert "People leave" in page
    assert "Feels 80% true" in page
    assert SITUATION not in page
    assert Expectation.objects.filter(owner=ana).count() == 1


def test_a_single_entry_is_kept_private_or_shared_from_its_own_page(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    circle = in_circle(ana, okafor, ["experiences"])
    person, coach = client_for(ana), client_for(okafor)
    page = person.get(reverse("ledger:experience", args=[experience.pk])).content.decode()
    assert "Who may see this entry: as you chose for its kind" in page
    action = reverse("records:visibility-experiences", args=[experience.pk])
    answer = person.post(action, {"visibility": "private"})
    assert answer["Location"] == experience.get_absolute_url()
    assert coach.get(experience_page(circle, experience)).status_code == 404
    services.set_categories(ana, circle, [])
    person.post(action, {"visibility": "shared"})
    assert coach.get(experience_page(circle, experience)).status_code == 200
    assert person.post(action, {"visibility": "everyone"}).status_code == 404
    assert Experience.objects.get().visibility == Visibility.SHARED


def test_a_local_earned_offers_no_choice_of_who_may_see_an_entry(
    owner: User, owner_client: Client
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        experience = ledger.save_experience(
            owner, Experience(situation=SITUATION, happens_at=timezone.now())
        )
    page = owner_client.get(reverse("ledger:experience", args=[experience.pk])).content.decode()
    assert "Who may see this entry" not in page


# --- The person's data ---------------------------------------------------------------------------


def test_the_export_keeps_each_entry_s_visibility_and_the_circle_s_history(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    experience = an_experience(ana)
    Experience.objects.filter(pk=experience.pk).update(visibility=Visibility.SHARED)
    circle = in_circle(ana, okafor, ["experiences"])
    client_for(okafor).get(experience_page(circle, experience))
    with keyring.using(keys.open_data_key(ana)):
        services.comment(circle, experience, "Well done for asking.")
        document = exchange.export_document(ana)
    (exported,) = document["records"]["experiences"]
    assert exported["visibility"] == "shared"
    history = document["care_circle"]
    assert [each["practitioner"] for each in history["circles"]] == ["Dr Okafor"]
    assert [read["page"] for read in history["reads"]] == ["entry"]
    assert history["reads"][0]["record_id"] == str(experience.pk)
    assert [each["body"] for each in history["comments"]] == ["Well done for asking."]


def test_a_version_1_export_is_read_with_every_entry_following_its_kind(ana: User) -> None:
    experience = an_experience(ana)
    Experience.objects.filter(pk=experience.pk).update(visibility=Visibility.PRIVATE)
    with keyring.using(keys.open_data_key(ana)):
        document = exchange.export_document(ana)
    document["version"] = 1
    del document["care_circle"]
    for rows in document["records"].values():
        for row in rows:
            del row["visibility"]
    exchange.erase_account(ana)  # the same ids come back, in an account of their own
    robin = make_person("robin", "Robin")
    with keyring.using(keys.open_data_key(robin)):
        exchange.import_document(robin, document)
    assert Experience.objects.get(owner=robin).visibility == Visibility.FOLLOW


# --- However many there are --------------------------------------------------------------------


def test_the_practitioner_s_pages_take_the_same_queries_however_much_is_shared(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    coach = client_for(okafor)
    in_circle(ana, okafor)
    an_experience(ana)
    overview = reverse("circles:person", args=[ana.pk])
    few = queries_for(coach, overview), queries_for(coach, reverse("circles:people"))
    for number in range(4):
        an_experience(ana)
        in_circle(make_person(f"client-{number}", f"Client {number}"), okafor)
    many = queries_for(coach, overview), queries_for(coach, reverse("circles:people"))
    assert many == few


def test_the_overview_shows_ruptures_and_repairs_naming_only_whom_she_shares(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    with keyring.using(keys.open_data_key(ana)):
        jo = relationships.save_person(ana, Person(name="Jo"))
        rupture = relationships.save_rupture(
            ana, Rupture(person=jo, kind="quiet", intensity=3, setting="life")
        )
        relationships.save_repair(ana, Repair(rupture=rupture, what="We talked"))
    in_circle(ana, okafor, ["people"])
    overview = reverse("circles:person", args=[ana.pk])
    page = client_for(okafor).get(overview).content.decode()
    assert "with Jo (3 of 5)" in page
    assert "repaired" in page
    Person.objects.filter(pk=jo.pk).update(visibility=Visibility.PRIVATE)
    page = client_for(okafor).get(overview).content.decode()
    assert "with someone (3 of 5)" in page
    assert "with Jo" not in page


# --- A practitioner invites; the person accepts ------------------------------------------------


def test_a_practitioners_code_opens_a_circle_only_when_the_person_accepts_it(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    coach, person = client_for(okafor), client_for(ana)
    made = coach.post(reverse("circles:invite-person"))
    code = made.context["code"]
    assert code in made.content.decode()
    assert "Codes not accepted yet" in coach.get(reverse("circles:people")).content.decode()
    # Another practitioner cannot join with it: it is for a person to accept.
    assert (
        "does not open a circle"
        in client_for(lind).post(reverse("circles:join"), {"code": code}).content.decode()
    )
    first = person.post(reverse("circles:accept"), {"code": code.lower()})
    page = first.content.decode()
    assert "An invitation from Dr Okafor" in page
    assert not Circle.objects.exists()  # seeing who it is from shares nothing
    accepted = person.post(
        reverse("circles:accept"), {"code": code, "accept": "yes", "categories": ["experiences"]}
    )
    assert accepted["Location"] == reverse("circles:circle")
    circle = Circle.objects.get()
    assert (circle.person, circle.practitioner, circle.categories) == (ana, okafor, ["experiences"])
    again = person.post(reverse("circles:accept"), {"code": code})
    assert again.status_code == 400
    assert "used already" in again.content.decode()


def test_an_invitation_can_be_left_for_later_or_withdrawn(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    coach, person = client_for(okafor), client_for(ana)
    code = coach.post(reverse("circles:invite-person")).context["code"]
    invitation = Invitation.objects.get()
    # Someone else's code is not theirs to withdraw.
    withdraw = reverse("circles:withdraw", args=[invitation.pk])
    assert client_for(lind).post(withdraw).status_code == 404
    assert person.post(withdraw).status_code == 404
    refused = person.post(
        reverse("circles:accept"), {"code": code, "accept": "yes", "categories": ["diaries"]}
    )
    assert refused.status_code == 400
    assert not Circle.objects.exists()
    assert coach.post(withdraw)["Location"] == reverse("circles:people")
    gone = person.post(reverse("circles:accept"), {"code": code})
    assert "does not open a circle" in gone.content.decode()
    # Practitioners accept nobody's invitation; a person's own code is not for accepting.
    assert coach.get(reverse("circles:accept")).status_code == 404
    own = services.invite(ana, ["experiences"])
    assert (
        "does not open a circle"
        in person.post(reverse("circles:accept"), {"code": own}).content.decode()
    )
