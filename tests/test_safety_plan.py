"""The safety plan, and the calm notice after saving words that sound like crisis."""

from __future__ import annotations

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.reflection.models import JournalEntry
from earned.safety.models import SafetyPlan
from tests.conftest import Runner
from tests.pages import page

pytestmark = pytest.mark.django_db

PLAN = {
    "warning_signs": "Not sleeping; cancelling on friends.",
    "on_my_own": "A cold shower, then the long walk by the canal.",
    "people_places": "The library; texting Priya about nothing.",
    "people_to_ask": "Jo: 087 123 4567",
    "professionals": "Dr Okafor, Tuesdays",
    "safer_surroundings": "Give the spare pills to Jo to keep.",
    "reasons": "My niece. The sea in June.",
}


def test_a_plan_is_one_click_from_every_page_and_starts_gently(owner_client: Client) -> None:
    for url in ("/", "/insights/", "/people/", "/help/"):
        assert '<a class="plan-link" href="/safety-plan/"' in page(owner_client, url)
    text = page(owner_client, "/safety-plan/")
    assert "A plan for a harder day, written on a calmer one" in text
    assert "Emergency in Ireland" in text  # the person's country, even before writing a word


def test_the_plan_is_written_saved_and_read_step_by_step(owner_client: Client, owner: User) -> None:
    form = page(owner_client, "/safety-plan/edit/")
    assert "1. The signs that a hard time is coming" in form
    assert "What I live for" in form
    response = owner_client.post("/safety-plan/edit/", PLAN)
    assert response["Location"] == "/safety-plan/"
    text = page(owner_client, "/safety-plan/")
    assert "Your plan is saved" in text
    for written in (
        "A cold shower, then the long walk by the canal.",
        "My niece. The sea in June.",
    ):
        assert written in text
    assert (
        text.index("1. The signs")
        < text.index("6. Making my surroundings safer")
        < text.index("What I live for")
    )
    assert "Samaritans" in text  # the lines for Ireland, shown with step 5
    # Writing again changes the one plan.
    owner_client.post("/safety-plan/edit/", {**PLAN, "reasons": "The sea."})
    assert SafetyPlan.objects.filter(owner=owner).count() == 1
    assert "The sea." in page(owner_client, "/safety-plan/")


def test_a_plan_is_never_anyone_elses(
    client_for: object, owner: User, other_client: User, owner_client: Client
) -> None:
    owner_client.post("/safety-plan/edit/", PLAN)
    theirs = client_for(other_client)  # type: ignore[operator]
    text = page(theirs, "/safety-plan/")
    assert "My niece" not in text
    assert "A plan for a harder day" in text


def test_the_plan_needs_signing_in(client: Client) -> None:
    assert client.get("/safety-plan/")["Location"].startswith("/sign-in/")


def test_words_that_sound_like_crisis_bring_a_calm_notice_after_saving(
    owner_client: Client,
) -> None:
    response = owner_client.post(
        "/reflect/journal/new/", {"body": "Today I just want to die.", "prompt": ""}, follow=True
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert JournalEntry.objects.count() == 1  # saving was never blocked
    assert "Saved. And we noticed something in your words." in text
    assert 'href="/safety-plan/">Open my safety plan' in text
    assert 'href="/help/">People to talk to now' in text
    assert "Nothing has been sent anywhere" in text
    # Once: the next page is quiet again.
    assert "we noticed something" not in page(owner_client, "/reflect/journal/")


@pytest.mark.parametrize(
    "body", ["I'm not going to hurt myself, I just needed to write.", "A calm evening with Jo."]
)
def test_other_words_bring_no_notice(owner_client: Client, body: str) -> None:
    response = owner_client.post("/reflect/journal/new/", {"body": body, "prompt": ""}, follow=True)
    assert "we noticed something" not in response.content.decode()


def test_words_already_saved_do_not_bring_the_notice_again(owner_client: Client) -> None:
    owner_client.post("/reflect/journal/new/", {"body": "I want to die.", "prompt": ""})
    page(owner_client, "/reflect/journal/")  # the notice has been seen
    entry = JournalEntry.objects.get()
    response = owner_client.post(
        f"/reflect/journal/{entry.pk}/edit/", {"body": "I want to die.", "prompt": ""}, follow=True
    )
    assert response.status_code == 200
    assert "we noticed something" not in response.content.decode()


def test_the_plan_may_name_the_hard_thoughts_and_is_answered_gently(owner_client: Client) -> None:
    response = owner_client.post(
        "/safety-plan/edit/", {**PLAN, "warning_signs": "When I start to want to die."},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "When I start to want to die." in text  # saved, never blocked
    assert "Saved. Those are hard thoughts to write down." in text
    assert "Naming them is part of a good plan." in text
    assert 'href="/help/">People to talk to now' in text
    assert "we noticed something" not in text
    assert ">Open my safety plan<" not in text  # the person is on it already
    # Saving the plan again without changing those words brings no note.
    same_signs = {**PLAN, "warning_signs": "When I start to want to die.", "reasons": "The sea."}
    again = owner_client.post("/safety-plan/edit/", same_signs, follow=True)
    assert "hard thoughts to write down" not in again.content.decode()


def test_the_terminal_says_one_calm_line(earned: Runner) -> None:
    result = earned("journal", "-m", "I want to hurt myself tonight.")
    assert result.exit_code == 0, result.output
    assert JournalEntry.objects.count() == 1
    assert "Some of what you wrote sounds very painful." in result.output
    assert "'My plan' and 'Help now'" in result.output
    quiet = earned("journal", "-m", "A good walk with Priya.")
    assert "sounds very painful" not in quiet.output


def test_the_offline_worker_keeps_to_the_plans_own_pages(client: Client) -> None:
    response = client.get("/safety-plan/offline.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    assert 'const COPY = "earned-safety-plan"' in script
    assert "fetch(request).catch(" in script  # the network first; the copy only when offline
    assert response["Service-Worker-Allowed"] == "/"  # so it may look after /help/ too
