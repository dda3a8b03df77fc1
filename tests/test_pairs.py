"""Peer pairs on a practice server: one member asks another, saying what she would share; nothing
is shared until the other says yes and chooses what they share in turn; then each reads what
the other shares — only that, at each moment — on the care circle's pages, by the names they go
by in the group, and each sees every read. Either ends it, both ways at once; leaving the group
or its ending ends it too."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.circles.models import Circle, Comment, Read
from earned.cli import main
from earned.exchange import services as exchange
from earned.groups import pairs, services
from earned.groups.models import Group, Membership, PairRequest
from earned.privacy import keyring, keys
from earned.records.models import Visibility
from tests.circle_people import SITUATION, an_experience
from tests.conftest import make_person
from tests.group_people import a_group, a_journal_entry, joined

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(okafor: User) -> Group:
    return a_group(okafor)


@pytest.fixture
def robin(server_mode: object) -> User:
    return make_person("robin", "Robin Ashworth")


@pytest.fixture
def river(ana: User, group: Group) -> Membership:
    ana.display_name = "Ana Lindqvist"  # a name to look for, and never find, on his pages
    ana.save(update_fields=["display_name"])
    return joined(ana, group, "River")


@pytest.fixture
def wren(robin: User, group: Group) -> Membership:
    return joined(robin, group, "Wren")


def ask_and_answer(
    client_for: Callable[[User], Client], asking: Membership, asked: Membership, mine: list[str],
    theirs: list[str],
) -> None:  # fmt: skip
    """One asks on the group's pages and the other says yes, each ticking what they share."""
    group_id = asking.group_id
    client_for(asking.owner).post(
        reverse("groups:pair-ask", args=[group_id]),
        {"partner": str(asked.pk), "categories": mine},
    )
    offer = PairRequest.objects.get(asking=asking, asked=asked)
    client_for(asked.owner).post(
        reverse("groups:pair-answer", args=[group_id, offer.pk]),
        {"accept": "yes", "categories": theirs},
    )


def test_a_member_asks_and_nothing_is_shared_until_the_other_says_yes(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    an_experience(ana)
    her, him = client_for(ana), client_for(robin)
    form = her.get(reverse("groups:pair-ask", args=[river.group_id])).content.decode()
    assert "Wren" in form
    assert "Robin Ashworth" not in form
    refused = her.post(reverse("groups:pair-ask", args=[river.group_id]), {"categories": ["bad"]})
    assert refused.status_code == 400
    assert "Please choose whom to ask." in refused.content.decode()
    her.post(
        reverse("groups:pair-ask", args=[river.group_id]),
        {"partner": str(wren.pk), "categories": ["experiences"]},
    )
    offer = PairRequest.objects.get()
    assert (offer.asking, offer.asked, offer.categories) == (river, wren, ["experiences"])
    # Robin sees the request by her name in the group; nothing of hers is open to him yet.
    group_page = him.get(reverse("groups:group", args=[river.group_id])).content.decode()
    assert "<strong>River</strong> asks to practise with you." in group_page
    today = him.get(reverse("web:today")).content.decode()
    assert "<strong>River</strong> asks to practise with you as a pair" in today
    assert him.get(reverse("circles:person", args=[ana.pk])).status_code == 404
    answer = him.get(reverse("groups:pair-answer", args=[river.group_id, offer.pk]))
    page = answer.content.decode()
    assert "River would share: experiences." in page
    assert "Lindqvist" not in page  # her account’s name is nowhere
    # She cannot answer her own request; he can.
    assert (
        her.get(reverse("groups:pair-answer", args=[river.group_id, offer.pk])).status_code == 404
    )
    him.post(
        reverse("groups:pair-answer", args=[river.group_id, offer.pk]),
        {"accept": "yes", "categories": ["practice"]},
    )
    assert not PairRequest.objects.exists()
    hers = Circle.objects.get(person=ana)
    his = Circle.objects.get(person=robin)
    assert (hers.practitioner, hers.group_id, hers.categories) == (
        robin,
        river.group_id,
        ["experiences"],
    )
    assert (his.practitioner, his.group_id, his.categories) == (ana, river.group_id, ["practice"])
    overview = him.get(reverse("circles:person", args=[ana.pk])).content.decode()
    assert "<h1>River</h1>" in overview
    assert SITUATION in overview
    assert "Suggested between sessions" not in overview  # that is a practitioner's
    assert "Lindqvist" not in overview


def test_each_reads_only_what_the_other_shares_now(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    experience = an_experience(ana)
    journal = a_journal_entry(ana, "Only for me")
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    him = client_for(robin)
    page = reverse("circles:entry", args=[ana.pk, "experiences", experience.pk])
    assert him.get(page).status_code == 200
    assert (
        him.get(reverse("circles:entry", args=[ana.pk, "journal_entries", journal.pk])).status_code
        == 404
    )  # reflection is not a kind she ticked
    with keyring.using(keys.open_data_key(ana)):
        experience.visibility = Visibility.PRIVATE
        experience.save(update_fields=["visibility"])
    assert him.get(page).status_code == 404  # kept private, the moment she says so
    # Robin shares no kind with her: Ana finds nothing of his, but his page.
    overview = client_for(ana).get(reverse("circles:person", args=[robin.pk])).content.decode()
    assert "<h1>Wren</h1>" in overview
    assert "Robin Ashworth" not in overview


def test_a_partner_comments_and_the_person_sees_it_by_their_name_in_the_group(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    experience = an_experience(ana)
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    him, her = client_for(robin), client_for(ana)
    him.post(
        reverse("circles:comment", args=[ana.pk, "experiences", experience.pk]),
        {"body": "That took courage."},
    )
    assert Comment.objects.get().author == robin
    own = her.get(experience.get_absolute_url()).content.decode()
    assert "That took courage." in own
    assert "Wren" in own
    assert "Robin Ashworth" not in own
    her.post(reverse("circles:reply", args=[Comment.objects.get().pk]), {"body": "Thank you"})
    seen_by_him = him.get(
        reverse("circles:entry", args=[ana.pk, "experiences", experience.pk])
    ).content.decode()
    assert "Thank you" in seen_by_him
    assert "River" in seen_by_him


def test_every_read_by_a_partner_is_in_her_list_by_their_name_in_the_group(
    ana: User, robin: User, river: Membership, wren: Membership, okafor: User,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    client_for(robin).get(reverse("circles:person", args=[ana.pk]))
    read = Read.objects.get(person=ana)
    assert (read.reader, read.by_alias, read.group_id) == (robin, True, river.group_id)
    her = client_for(ana)
    seen = her.get(reverse("circles:seen")).content.decode()
    assert "<strong>Wren</strong> read the overview of what you share" in seen
    assert f'<option value="{robin.pk}">Wren</option>' in seen  # the filter names him so too
    assert "Robin Ashworth" not in seen
    only_his = her.get(reverse("circles:seen") + f"?reader={robin.pk}").content.decode()
    assert "<strong>Wren</strong> read" in only_his
    settings_page = her.get(reverse("circles:circle")).content.decode()
    assert "Wren" in settings_page
    assert "Robin Ashworth" not in settings_page
    assert "Your peer partner in" in settings_page


@pytest.mark.parametrize("who", ["she", "he"])
def test_either_ends_the_pair_and_it_ends_both_ways(
    who: str, ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    ask_and_answer(client_for, river, wren, ["experiences"], ["experiences"])
    if who == "she":
        mine = Circle.objects.get(person=ana)
        answer = client_for(ana).post(reverse("circles:end", args=[mine.pk]))
        assert answer["Location"] == reverse("circles:circle")
    else:
        answer = client_for(robin).post(reverse("circles:leave", args=[ana.pk]))
        assert answer["Location"] == reverse("groups:group", args=[river.group_id])
    assert not Circle.objects.filter(ended_at__isnull=True).exists()
    assert client_for(robin).get(reverse("circles:person", args=[ana.pk])).status_code == 404
    assert client_for(ana).get(reverse("circles:person", args=[robin.pk])).status_code == 404
    # Either can ask again.
    assert pairs.askable(river) == [wren]


def test_leaving_or_ending_the_group_ends_its_pairs_and_requests(
    ana: User, robin: User, okafor: User, group: Group, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    cal = make_person("cal", "Cal Whitby")
    heron = joined(cal, group, "Heron")
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    pairs.ask(heron, river, [])
    services.leave(ana, river)
    assert not Circle.objects.filter(ended_at__isnull=True).exists()
    assert not PairRequest.objects.exists()
    ask_and_answer(client_for, wren, heron, [], [])
    assert Circle.objects.filter(ended_at__isnull=True).count() == 2
    services.end(okafor, group)
    assert not Circle.objects.filter(ended_at__isnull=True).exists()


def test_who_may_be_asked(
    ana: User, robin: User, okafor: User, group: Group, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    assert pairs.askable(river) == [wren]
    with pytest.raises(pairs.PairError):
        pairs.ask(river, river, [])
    pairs.ask(river, wren, [])
    assert pairs.askable(river) == []
    assert pairs.askable(wren) == []
    with pytest.raises(pairs.PairError):
        pairs.ask(wren, river, [])  # she asked him already: he answers instead
    page = client_for(ana).get(reverse("groups:pair-ask", args=[group.pk])).content.decode()
    assert "There is nobody to ask just now" in page
    # Someone in another group, or the facilitator, is not anyone's to ask.
    elsewhere = joined(make_person("cal", "Cal Whitby"), a_group(okafor, "Thursdays"), "Heron")
    with pytest.raises(pairs.PairError):
        pairs.ask(river, elsewhere, [])
    assert client_for(okafor).get(reverse("groups:pair-ask", args=[group.pk])).status_code == 404
    # A request answered after the one asking left finds nothing to open.
    offer = PairRequest.objects.get()
    services.leave(ana, river)
    with pytest.raises(pairs.PairError):
        pairs.accept(offer, [])
    assert not Circle.objects.exists()


def test_saying_no_and_withdrawing_take_the_request_away(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    offer = pairs.ask(river, wren, [])
    him = client_for(robin)
    answer = him.post(
        reverse("groups:pair-answer", args=[river.group_id, offer.pk]), {"decline": "yes"}
    )
    assert answer["Location"].endswith("#pairs")
    assert not PairRequest.objects.exists()
    assert not Circle.objects.exists()
    offer = pairs.ask(river, wren, [])
    withdraw = reverse("groups:pair-withdraw", args=[river.group_id, offer.pk])
    assert him.post(withdraw).status_code == 404  # only the one who asked withdraws
    client_for(ana).post(withdraw)
    assert not PairRequest.objects.exists()


def test_the_export_names_partners_as_she_knows_them(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    experience = an_experience(ana)
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    client_for(robin).post(
        reverse("circles:comment", args=[ana.pk, "experiences", experience.pk]),
        {"body": "Well done"},
    )
    client_for(robin).get(reverse("circles:person", args=[ana.pk]))
    with keyring.using(keys.open_data_key(ana)):
        exported = exchange.export_document(ana)
    text = json.dumps(exported)
    assert "Robin Ashworth" not in text
    care = exported["care_circle"]
    assert care["circles"][0]["practitioner"] == "Wren"
    assert care["circles"][0]["group"] == str(river.group_id)
    assert care["comments"][0]["author"] == "Wren"
    assert care["reads"][0]["reader"] == "Wren"


def test_a_pair_request_is_in_both_exports(
    ana: User, robin: User, river: Membership, wren: Membership
) -> None:
    pairs.ask(river, wren, ["practice"])
    for person, by_me in ((ana, True), (robin, False)):
        with keyring.using(keys.open_data_key(person)):
            exported = exchange.export_document(person)["groups"]["pair_requests"]
        assert exported == [
            {"asking": "River", "asked": "Wren", "by_me": by_me, "categories": ["practice"],
             "created_at": exported[0]["created_at"]},
        ]  # fmt: skip


def test_a_reader_of_a_group_since_erased_is_never_named_by_account(
    ana: User, robin: User, okafor: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    client_for(robin).get(reverse("circles:person", args=[ana.pk]))
    okafor.delete()  # the facilitator's account, and with it the group and its pairs
    assert not Circle.objects.exists()
    seen = client_for(ana).get(reverse("circles:seen")).content.decode()
    assert "Someone in a group since closed" in seen
    assert "Robin Ashworth" not in seen


def test_the_command_line_lists_and_ends_a_pair_by_the_partners_name_in_the_group(
    ana: User, robin: User, river: Membership, wren: Membership,
    client_for: Callable[[User], Client],
) -> None:  # fmt: skip
    ask_and_answer(client_for, river, wren, ["experiences"], [])
    listed = CliRunner().invoke(main, ["circle", "list", "--user", "ana"]).output
    assert "Wren  since" in listed
    assert "Robin" not in listed
    ended = CliRunner().invoke(main, ["circle", "end", "wren", "--yes", "--user", "ana"])
    assert ended.exit_code == 0, ended.output
    assert "Ended. Wren can no longer see anything of yours." in ended.output
    assert not Circle.objects.filter(ended_at__isnull=True).exists()
