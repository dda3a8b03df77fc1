"""A group on a practice server, in a real browser: a facilitator starts it and invites; a person
reads the guidelines and joins under a name of her own, does an exercise privately, shares one
entry; another member reads it and replies; two members practise as a peer pair — light and
dark, phone and desktop, with axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytest_django import Settings

from earned.accounts.models import User
from earned.groups import services
from earned.groups.models import Group
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry
from tests.browser.conftest import guarded_context
from tests.browser.test_circle_journey import ana_and_her_therapist, sign_in_as
from tests.circle_people import SITUATION, an_experience
from tests.conftest import make_person
from tests.group_people import a_group, joined


def test_a_group_meets_shares_and_replies(
    page: Any,
    browser: Any,
    live_server: Any,
    outside_requests: list[str],
    settings: Settings,
    check_page: Callable[[Any, str], None],
) -> None:
    ana, okafor = ana_and_her_therapist(settings)
    robin = make_person("robin", "Robin Ashworth", timezone="Europe/Berlin")
    with keyring.using(keys.open_data_key(ana)):
        entry = reflection.save_entry(
            ana, JournalEntry(body="I asked Jo to wait with me, and she did."), []
        )

    coach = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(coach, "dr-okafor")
    coach.get_by_role("link", name="Your groups").click()
    check_page(coach, "groups-led-empty")
    coach.get_by_role("link", name="Start a group").click()
    coach.get_by_label("The group's name").fill("Tuesday evenings")
    coach.get_by_label("Safety guidelines").fill(
        "What is shared here stays here. Replies are kind and brief. Nobody has to share."
    )
    check_page(coach, "groups-new")
    coach.get_by_role("button", name="Start it").click()
    coach.get_by_role("heading", name="Tuesday evenings").wait_for()
    coach.get_by_role("button", name="Make a code").click()
    code = coach.locator(".code-display").inner_text()
    check_page(coach, "groups-code")
    group = Group.objects.get()
    robin_code = services.invite(okafor, group)

    sign_in_as(page, "ana")
    page.goto("/groups/join/")
    page.get_by_label("The code you were given").fill(code)
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="The group's guidelines").wait_for()
    page.get_by_role("button", name="Join").click()
    page.get_by_text("Please choose a name to go by in this group.").first.wait_for()
    check_page(page, "groups-joining-refused")
    page.get_by_label("The name you go by in this group").fill("River")
    page.get_by_label("I have read the guidelines and agree to them").check()
    page.get_by_role("button", name="Join").click()
    page.get_by_text("You are here as").wait_for()
    check_page(page, "groups-member")
    with keyring.using(keys.open_data_key(robin)):
        services.join(robin, robin_code, "Wren", accepted=True)

    coach.goto(f"/groups/{group.pk}/")
    coach.get_by_label("Something to write about").check()
    coach.get_by_label("What to try").fill("A time someone stayed")
    coach.get_by_role("button", name="Post it").click()
    coach.get_by_text("Each member sees it on their Today.").wait_for()

    page.goto("/")
    page.get_by_role("heading", name="Your groups", exact=True).wait_for()
    check_page(page, "today-group-exercise")
    page.get_by_role("link", name="Start it").click()
    page.get_by_text("Suggested by Tuesday evenings").wait_for()
    check_page(page, "journal-group-exercise")

    page.goto(entry.get_absolute_url())
    page.get_by_text("Who may see this entry").click()
    page.get_by_role("button", name="Share it, as River").click()
    page.get_by_text("Shared with Tuesday evenings.").wait_for()
    page.get_by_text("Who may see this entry").click()
    check_page(page, "entry-shared-with-group")

    other = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(other, "robin")
    other.goto(f"/groups/{group.pk}/")
    other.get_by_text("River shared a journal entry").wait_for()
    check_page(other, "groups-feed")
    other.get_by_role("link", name="I asked Jo to wait with me", exact=False).click()
    other.get_by_label("A short, kind reply").fill("That took courage. Thank you for sharing it.")
    other.get_by_role("button", name="Send").click()
    other.get_by_text("That took courage.").wait_for()
    check_page(other, "groups-entry")

    coach.goto(f"/groups/{group.pk}/")
    coach.get_by_text("Done by 0 of 2 members.").wait_for()
    check_page(coach, "groups-facilitating")
    coach.get_by_role("link", name="Plan or log a meeting").click()
    coach.get_by_label("When").fill("2030-01-08T18:00")
    check_page(coach, "groups-meeting")
    coach.get_by_role("button", name="Keep it").click()
    coach.get_by_text("Kept in the group's log.").wait_for()
    coach.get_by_role("link", name="End this group").click()
    check_page(coach, "groups-end")

    page.goto("/settings/seen/")
    page.get_by_text("read a journal entry you shared with a group").first.wait_for()
    assert "Robin" not in page.locator("main").inner_text()
    check_page(page, "circle-seen-group")
    page.goto("/groups/")
    page.get_by_role("link", name="Tuesday evenings").wait_for()
    check_page(page, "groups-mine")
    page.get_by_role("link", name="Tuesday evenings").click()
    page.get_by_role("link", name="Leave this group").click()
    check_page(page, "groups-leave")
    assert User.objects.count() == 3
    other.context.close()
    coach.context.close()


def test_two_members_practise_as_a_pair(
    page: Any,
    browser: Any,
    live_server: Any,
    outside_requests: list[str],
    settings: Settings,
    check_page: Callable[[Any, str], None],
) -> None:
    ana, okafor = ana_and_her_therapist(settings)
    robin = make_person("robin", "Robin Ashworth", timezone="Europe/Berlin")
    group = a_group(okafor)
    joined(ana, group, "River")
    joined(robin, group, "Wren")
    experience = an_experience(ana)

    sign_in_as(page, "ana")
    page.goto(f"/groups/{group.pk}/")
    page.get_by_role("heading", name="Peer pairs").wait_for()
    page.get_by_role("link", name="Ask someone to pair with you").click()
    page.get_by_role("button", name="Ask").click()
    page.get_by_text("Please choose whom to ask.").first.wait_for()
    check_page(page, "groups-pair-ask-refused")
    page.get_by_label("Wren").check()
    page.get_by_role("button", name="Ask").click()
    page.get_by_text("Wren will find your request").wait_for()
    check_page(page, "groups-pair-asked")

    other = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(other, "robin")
    other.goto("/")
    other.get_by_text("asks to practise with you as a pair").wait_for()
    other.get_by_role("link", name="Answer").click()
    other.get_by_role("heading", name="River asks to practise with you").wait_for()
    check_page(other, "groups-pair-answer")
    other.get_by_role("button", name="Say yes").click()
    other.get_by_text("You and River are peer partners now.").wait_for()
    check_page(other, "groups-pairs")
    other.get_by_role("link", name="What River shares with you").click()
    other.get_by_role("heading", name="River", exact=True).wait_for()
    assert "Ana" not in other.locator("main").inner_text()
    check_page(other, "circle-peer-overview")
    other.get_by_role("link", name=SITUATION).first.click()
    other.get_by_label("A comment for River").fill("That took courage. I am glad she said yes.")
    other.get_by_role("button", name="Send").click()
    other.get_by_text("River will see it beside the entry.").wait_for()
    check_page(other, "circle-peer-entry")

    page.goto(experience.get_absolute_url())
    page.get_by_text("That took courage.").wait_for()
    assert "Robin" not in page.locator("main").inner_text()
    page.goto("/settings/circle/")
    page.get_by_text("Your peer partner in").wait_for()
    check_page(page, "circle-with-peer")
    page.goto("/settings/seen/")
    page.get_by_text("Wren read the overview of what you share").wait_for()
    assert "Robin" not in page.locator("main").inner_text()
    check_page(page, "circle-seen-peer")
    page.goto("/settings/circle/")
    page.get_by_role("link", name="End the pair").click()
    check_page(page, "circle-end-pair")
    page.get_by_role("button", name="End the pair").click()
    page.get_by_text("Ended. Wren can no longer see anything of yours.").wait_for()
    other.goto(f"/care/{ana.pk}/")
    other.get_by_role("heading", name="We could not find that page").wait_for()
    other.context.close()
