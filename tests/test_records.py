"""The one way a record is saved and deleted (earned/records/saving.py): ownership checked, links
and rows written with it, its search rows kept, its new words looked at — and no signals."""

from __future__ import annotations

import weakref
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from earned.accounts.models import User
from earned.exchange import kinds as exchange
from earned.ledger.models import Emotion, Expectation, Experience
from earned.ledger.models import Tested as LinkTested
from earned.practice.models import Ladder, Step
from earned.privacy import keyring, keys
from earned.records import saving as records
from earned.records.models import Category, Owned, Visibility
from earned.reflection.models import Dialogue, Turn
from earned.search import kinds as search
from earned.search.models import Entry, Term
from tests.conftest import PASSPHRASE

RISKY = "I want to die."


@pytest.fixture
def unlocked(owner: User) -> Iterator[None]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        yield


@pytest.fixture
def unlocked_other(other_client: User) -> Iterator[None]:
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        yield


def an_experience(**fields: object) -> Experience:
    return Experience(situation="Asking Maya to help me move", happens_at="2026-11-02T10:00Z",
                      **fields)  # fmt: skip


def terms_of(record: Owned) -> int:
    return Term.objects.filter(owner=record.owner_id, entry__record=record.pk).count()


def test_every_kind_of_record_says_what_it_is_and_follows_the_person_by_default() -> None:
    owned = [model for model in apps.get_models() if issubclass(model, Owned)]
    assert len(owned) >= 29
    for model in owned:
        assert isinstance(model.category, Category), model.__name__
        assert model._meta.get_field("visibility").default == Visibility.FOLLOW
        assert model in {kind.model for kind in exchange.KINDS}, model.__name__
        if model.searched_as is not None:
            assert search.kind_for(model) is not None, model.__name__
            assert callable(getattr(model, "search_texts", None)), model.__name__
    assert len({model.exported_as for model in owned}) == len(owned)


def test_a_record_comes_after_every_kind_it_points_at_in_an_export() -> None:
    """An import writes the kinds in the export's order: what a record points at must be
    written first."""
    order = [kind.model for kind in exchange.KINDS]
    for position, model in enumerate(order):
        for field in model._meta.concrete_fields:
            target = field.related_model
            if field.is_relation and isinstance(target, type) and issubclass(target, Owned):
                assert target in order[:position], (model.__name__, field.name)


def test_no_model_signal_does_the_work_of_a_save() -> None:
    """Everything a save needs is done by earned.records, in the open: no receiver hides it."""
    for signal in (pre_save, post_save, pre_delete, post_delete):
        for entry in signal.receivers:
            held = entry[1]
            receiver = held() if isinstance(held, weakref.ReferenceType) else held
            assert not getattr(receiver, "__module__", "").startswith("earned"), receiver


def test_a_record_is_saved_with_its_links_rows_and_search_rows(owner: User, unlocked: None) -> None:
    expectation = records.save(owner, Expectation(text="People leave")).record
    experience = an_experience()
    saved = records.save(
        owner,
        experience,
        links=[records.Links(LinkTested, "expectation", [expectation])],
        rows=[records.Rows("emotions", [Emotion(own_word="shaky", intensity=60)])],
    )
    assert saved.record.owner == owner
    assert not saved.noticed
    assert list(experience.expectations.all()) == [expectation]
    assert [each.own_word for each in experience.emotions.all()] == ["shaky"]
    assert terms_of(experience) > 0


def test_saving_again_replaces_links_and_rows(owner: User, unlocked: None) -> None:
    first, second = (records.save(owner, Expectation(text=t)).record for t in ("One", "Two"))
    experience = an_experience()
    records.save(owner, experience, links=[records.Links(LinkTested, "expectation", [first])],
                 rows=[records.Rows("emotions", [Emotion(own_word="a", intensity=1)])])  # fmt: skip
    records.save(owner, experience, links=[records.Links(LinkTested, "expectation", [second])],
                 rows=[records.Rows("emotions", [Emotion(own_word="b", intensity=2)])])  # fmt: skip
    assert list(experience.expectations.all()) == [second]
    assert [each.own_word for each in experience.emotions.all()] == ["b"]
    assert LinkTested.objects.count() == 1


def test_a_record_that_breaks_its_own_rules_is_refused_whoever_saves_it(
    owner: User, unlocked: None
) -> None:
    """Its rules belong to the record, not to a form: what it needs, its ranges, its `clean`."""
    with pytest.raises(ValidationError) as refused:
        records.save(owner, Experience(situation="", happens_at="2026-11-02T10:00Z"))
    assert refused.value.message_dict == {"situation": ["Please say what the situation is."]}
    with pytest.raises(ValidationError) as refused:
        records.save(owner, Expectation(text="People leave", wound="own"))
    assert "wound_own_word" in refused.value.message_dict
    with pytest.raises(ValidationError, match="less than or equal to 100"):
        records.save(owner, an_experience(likelihood=140))
    with pytest.raises(ValidationError, match="less than or equal to 100"):
        records.save(owner, an_experience(), rows=[records.Rows("emotions", [
            Emotion(own_word="shaky", intensity=101)])])  # fmt: skip
    assert not Experience.objects.exists()
    assert not Expectation.objects.exists()
    assert not Term.objects.exists()
    assert not Entry.objects.exists()


def test_a_change_of_a_few_fields_is_held_to_their_rules_alone(owner: User, unlocked: None) -> None:
    experience = records.save(owner, an_experience()).record
    Experience.objects.filter(pk=experience.pk).update(likelihood=140)  # an old, odd value
    experience.refresh_from_db()
    experience.learned = "Asking was fine"
    records.save(owner, experience, update_fields=["learned"])
    experience.explained_away = "perhaps-not-a-choice"
    with pytest.raises(ValidationError):
        records.save(owner, experience, update_fields=["explained_away"])


def test_a_link_to_another_persons_record_writes_nothing(
    owner: User, other_client: User, unlocked_other: None
) -> None:
    theirs = records.save(other_client, Expectation(text="Theirs")).record
    with pytest.raises(records.NotYours):
        records.save(
            owner, an_experience(), links=[records.Links(LinkTested, "expectation", [theirs])]
        )
    assert not Experience.objects.exists()


def test_a_record_pointing_at_another_persons_record_writes_nothing(
    owner: User, other_client: User, unlocked_other: None
) -> None:
    their_ladder = records.save(other_client, Ladder(goal="Theirs")).record
    with pytest.raises(records.NotYours):
        records.save(owner, Step(ladder=their_ladder, description="Mine?", expected_distress=10))
    assert not Step.objects.filter(owner=owner).exists()


def test_another_persons_record_cannot_be_deleted(
    owner: User, other_client: User, unlocked_other: None
) -> None:
    theirs = records.save(other_client, Expectation(text="Theirs")).record
    with pytest.raises(records.NotYours):
        records.delete(owner, theirs)
    assert Expectation.objects.filter(pk=theirs.pk).exists()


def test_deleting_drops_the_search_rows_of_all_it_takes_with_it(
    owner: User, unlocked: None
) -> None:
    ladder = records.save(owner, Ladder(goal="Asking for help")).record
    step = records.save(
        owner, Step(ladder=ladder, description="Ask a neighbour", expected_distress=10)
    )
    assert terms_of(ladder) > 0
    records.delete(owner, ladder)
    assert not Term.objects.filter(owner=owner).exists()
    assert not Entry.objects.filter(owner=owner).exists()
    assert not Step.objects.filter(pk=step.record.pk).exists()


def test_a_steps_words_find_its_ladder_until_it_is_deleted(owner: User, unlocked: None) -> None:
    ladder = records.save(owner, Ladder(goal="Asking")).record
    before = terms_of(ladder)
    step = records.save(
        owner, Step(ladder=ladder, description="Ring the dentist", expected_distress=10)
    )
    assert terms_of(ladder) > before
    records.delete(owner, step.record)
    assert terms_of(ladder) == before


def test_saving_answers_whether_the_notice_should_show(owner: User, unlocked: None) -> None:
    assert records.save(owner, Expectation(text=RISKY)).noticed
    calm = records.save(owner, Expectation(text="People are busy"))
    assert not calm.noticed
    calm.record.archived_at = None
    assert not records.save(owner, calm.record, update_fields=["archived_at"]).noticed


def test_words_already_saved_are_not_noticed_again(owner: User, unlocked: None) -> None:
    expectation = records.save(owner, Expectation(text=RISKY)).record
    again = Expectation.objects.get(pk=expectation.pk)
    again.wound_own_word = "school"
    assert not records.save(owner, again).noticed


def test_a_rows_new_words_are_noticed_once(owner: User, unlocked: None) -> None:
    dialogue = Dialogue(first_voice="The critic", second_voice="Me")
    turns = [Turn(position=0, voice=1, text=RISKY)]
    first = records.save(owner, dialogue, rows=[records.Rows("turns", turns)])
    assert first.noticed
    kept = records.save(owner, dialogue, rows=[records.Rows("turns", [
        Turn(position=0, voice=1, text=RISKY), Turn(position=1, voice=2, text="I hear you."),
    ])])  # fmt: skip
    assert not kept.noticed


def test_restoring_writes_the_row_as_it_was_without_a_notice(owner: User, unlocked: None) -> None:
    row = Expectation(pk="7f9c1d2e-0000-4000-8000-000000000001", owner=owner, text=RISKY)
    records.restore(owner, [row])
    assert Expectation.objects.get(pk=row.pk).text == RISKY
