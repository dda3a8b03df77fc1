"""A search's pages, newest first, are the same however they are found: by walking the newest
entries and asking each whether it holds the words (a common word), or by sorting every entry
that holds them (a rarer one, or when the walk finds too few)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.paginator import Paginator
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.search import finding
from earned.search.models import Entry, Term

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
PER_PAGE = 4
WORDS = (11, 12, 13)  # tokens

# Each entry: its day (few, so that dates are shared and the record decides) and its words.
entries = st.lists(
    st.tuples(st.integers(0, 6), st.sets(st.sampled_from(WORDS)), st.sampled_from(["a", "b"])),
    max_size=40,
)


def written(owner: User, made: list[tuple[int, set[int], str]]) -> None:
    Term.objects.filter(owner=owner).delete()
    Entry.objects.filter(owner=owner).delete()
    for number, (day, words, kind) in enumerate(made):
        entry = Entry.objects.create(owner=owner, kind=kind, record=uuid.UUID(int=number + 1),
                                     at=START + datetime.timedelta(days=day))  # fmt: skip
        Term.objects.bulk_create(Term(owner=owner, token=word, entry=entry) for word in words)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(made=entries, wanted=st.sets(st.sampled_from(WORDS), min_size=1, max_size=2),
       walked=st.integers(0, 12), walk=st.booleans(),
       kind=st.sampled_from([None, "a"]))  # fmt: skip
@example(made=[(0, {11}, "a")] * 9, wanted={11}, walked=2, walk=True, kind=None)
def test_every_page_is_the_newest_matches_in_order(
    owner: User, monkeypatch: pytest.MonkeyPatch, made: list[tuple[int, set[int], str]],
    wanted: set[int], walked: int, walk: bool, kind: str | None,
) -> None:  # fmt: skip
    written(owner, made)
    monkeypatch.setattr(finding, "WALKED", walked)
    matching = sorted(
        ((START + datetime.timedelta(days=day), uuid.UUID(int=number + 1), was)
         for number, (day, words, was) in enumerate(made)
         if wanted <= words and kind in (None, was)),
        reverse=True,
    )  # fmt: skip
    among = Entry.objects.filter(owner=owner, **({"kind": kind} if kind else {}))
    rarest = min(wanted)
    newest = finding.Newest(among, owner, rarest, wanted - {rarest}, None, walk=walk)
    pages = Paginator(newest, PER_PAGE)
    assert pages.count == len(matching)
    shown = [
        (match["at"], match["record"], match["kind"])
        for number in pages.page_range
        for match in pages.page(number).object_list
    ]
    assert shown == matching
