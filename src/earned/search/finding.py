"""Finding words in a person's entries: the entries whose terms hold every word of a query
(earned/search/services.py keeps them), newest first, and one page of them opened and checked.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast, overload

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, Exists, OuterRef

from earned.access import owned
from earned.accounts.models import User
from earned.core.words import Segment, excerpt, keys_of, marked, why_nothing_searchable
from earned.search.kinds import KINDS, SearchKind
from earned.search.models import Entry, Term
from earned.search.services import drop_entries, ensure_index
from earned.search.tokens import index_key, token

PAGE_SIZE = 20
WALK_FROM, WALKED = 1000, 2000  # class Newest


@dataclass(frozen=True)
class Hit:
    kind: SearchKind
    record: Any
    at: datetime.datetime
    title: list[Segment]
    excerpt: list[Segment]


@dataclass
class Results:
    forms: set[str]  # the word forms searched for; empty when the query holds none
    page: Page[Any] | None = None
    hits: list[Hit] = field(default_factory=list)
    nothing_searchable: str = ""  # why there are no forms: one of words.why_nothing_searchable

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page is not None else 0


def find(
    owner: User,
    query: str,
    *,
    kinds: Sequence[str] = (),
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    page: int | str | None = 1,
) -> Results:
    """The person's records holding every searchable word of the query, newest first, one page
    of them opened and checked; `since` and `until` are days on the person's own calendar, both
    included. Needs the person's data key to be current."""
    forms = keys_of([query])
    if not forms:
        return Results(forms, nothing_searchable=why_nothing_searchable(query))
    ensure_index(owner)
    key = index_key()
    tokens = {token(key, form) for form in forms}
    # How many entries hold each word: none, and nothing can match; the rarest leads the search.
    sizes = dict(
        Term.objects.filter(owner=owner, token__in=tokens)
        .values_list("token").annotate(n=Count("pk")).order_by()
    )  # fmt: skip
    if len(sizes) < len(tokens):  # some word is in no entry at all
        return Results(forms, Paginator([], PAGE_SIZE).get_page(1))
    rarest = min(sizes, key=lambda token: sizes[token])
    entries = Entry.objects.filter(owner=owner)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    if since is not None:
        entries = entries.filter(at__gte=_start_of(since, owner.timezone))
    if until is not None:
        entries = entries.filter(at__lt=_start_of(until + datetime.timedelta(days=1),
                                                  owner.timezone))  # fmt: skip
    # A word's terms are its entries, one each: a lone word over every entry is counted already.
    filtered = bool(kinds) or since is not None or until is not None
    counted = sizes[rarest] if len(tokens) == 1 and not filtered else None
    newest = Newest(entries, owner, rarest, tokens - {rarest}, counted,
                    walk=sizes[rarest] >= WALK_FROM)  # fmt: skip
    shown: Page[Match] = Paginator(newest, PAGE_SIZE).get_page(page)
    return Results(forms, shown, _open(owner, list(shown.object_list), forms))


Match = dict[str, Any]  # an entry's record, kind and date


class Newest(Sequence[Match]):
    """A search's matches, newest first, as a paginator asks for them: how many, and one page.

    Finding the words' entries and sorting them by date costs a millisecond for every few
    thousand: a name a person writes every day is in tens of thousands. Its newest matches are
    among the newest entries, so for a word in WALK_FROM entries or more a page is looked for
    first by walking the newest WALKED entries, newest first, asking of each whether it holds the
    words; only when they hold too few are the matches sorted after all."""

    def __init__(self, entries: models.QuerySet[Entry], owner: User, rarest: int,
                 others: set[int], counted: int | None, *, walk: bool) -> None:  # fmt: skip
        self.entries, self.counted, self.walk = entries, counted, walk
        holding = [
            Exists(Term.objects.filter(owner=owner, token=other, entry=OuterRef("pk")))
            for other in sorted(others)
        ]
        self.matches = entries.filter(*holding, term__owner=owner, term__token=rarest)
        self.holding = [
            *holding,
            Exists(Term.objects.filter(owner=owner, token=rarest, entry=OuterRef("pk"))),
        ]

    def __len__(self) -> int:
        return self.matches.count() if self.counted is None else self.counted

    @overload
    def __getitem__(self, part: int) -> Match: ...
    @overload
    def __getitem__(self, part: slice) -> list[Match]: ...
    def __getitem__(self, part: int | slice) -> Match | list[Match]:
        if isinstance(part, int):
            return self[part : part + 1][0]
        if self.walk:
            edge = list(self.entries.order_by("-at").values_list("at", flat=True)[WALKED:][:1])
            walked = self.entries.filter(*self.holding, **({"at__gte": edge[0]} if edge else {}))
            found = list(_newest_first(walked)[part])
            # Walking every entry (no edge) is the whole answer, however short.
            if not edge or len(found) == part.stop - part.start:
                return found
        return list(_newest_first(self.matches)[part])


def _newest_first(entries: models.QuerySet[Entry]) -> models.QuerySet[Entry, Match]:
    return cast(
        "models.QuerySet[Entry, Match]",
        entries.values("record", "kind", "at").order_by("-at", "-record"),
    )


def _start_of(day: datetime.date, zone: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zoneinfo.ZoneInfo(zone))


def _open(owner: User, matches: list[dict[str, Any]], forms: set[str]) -> list[Hit]:
    """Decrypt one page of matches, keep those whose text really holds every word (a hash can
    collide; a record deleted behind the index's back is forgotten), and mark the words."""
    records: dict[Any, Any] = {}
    for kind in KINDS:
        wanted = [match["record"] for match in matches if match["kind"] == kind.name]
        if wanted:
            found = (owned(kind.model, owner).filter(pk__in=wanted)
                     .order_by().prefetch_related(*kind.related))  # by id, not by date  # fmt: skip
            records.update({record.pk: (kind, record) for record in found})
    hits = []
    known: dict[str, str | None] = {}  # each word's form, worked out once a page
    for match in matches:
        if match["record"] not in records:
            drop_entries(owner.pk, [match["record"]])
            continue
        kind, record = records[match["record"]]
        keyed = [(text, keys_of([text], known)) for text in record.search_texts() if text]
        if not forms <= set().union(*(keys for _, keys in keyed)):
            continue
        best, _ = max(keyed, key=lambda pair: len(pair[1] & forms))
        title = record.search_title
        shown = [] if best.strip() == title.strip() else excerpt(best, forms)
        hits.append(Hit(kind, record, match["at"], marked(title, forms), shown))
    return hits
