"""Who has seen what: every time someone other than the person opened something of theirs — a
practitioner in their care circle, or someone in a group they shared an entry with — kept for
the person to read (Settings → Who has seen what), named as they know the reader."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from earned.accounts.models import User
from earned.circles import readable
from earned.circles.models import Circle, Read
from earned.groups import services as groups
from earned.records.models import Owned

# What a practitioner can open, as the person's list of reads names it.
PAGES = {
    "overview": "The overview of what you share",
    "entry": "One entry",
    "list": "A list of one kind of entry",
    "insights": "Insights from what you share",
    "group": "An entry you shared with a group",
}
# What the person can ask their list of reads to show: a page, or entries of one kind.
READ_KINDS = {
    "overview": "The overview",
    "insights": "Insights",
    "group": "Shared with a group",
    **{kind: many for kind, (_, many) in readable.NAMES.items()},
}


def note_read(circle: Circle, page: str, record: Owned | None = None, kind: str = "") -> None:
    """The practitioner (or peer partner) read something of the person's — a page, an entry,
    or a list of one `kind` of entries — noted, for the person to see."""
    assert page in PAGES
    Read.objects.create(
        person_id=circle.person_id,
        reader_id=circle.practitioner_id,
        circle=circle,
        group_id=circle.group_id,
        by_alias=circle.is_pair,
        page=page,
        record_kind=record.exported_as if record is not None else kind,
        record_id=record.pk if record is not None else None,
    )


def note_group_read(reader: User, group: Any, shared_by: Any, record: Owned) -> None:
    """Someone in a group read an entry a member shared with it: noted, for that member."""
    if reader.pk != shared_by:
        Read.objects.create(
            person_id=shared_by,
            reader=reader,
            group=group,
            by_alias=True,
            page="group",
            record_kind=record.exported_as,
            record_id=record.pk,
        )


def reads_of(person: User, reader_id: Any = None, what: str = "") -> QuerySet[Read]:
    """Every read of the person's entries by someone else, newest first; by one reader (one of
    `readers_of`), of one page or kind of entry (a key of READ_KINDS), if asked."""
    reads = Read.objects.filter(person=person).select_related("reader")
    if reader_id:
        reads = reads.filter(reader_id=reader_id)
    if what in PAGES:
        reads = reads.filter(page=what)
    elif what:
        reads = reads.filter(page__in=("entry", "list"), record_kind=what)
    return reads


def read_words(read: Read) -> str:
    """What was read, as the person's list says it: "an experience", "the overview…"."""
    if read.page == "entry":
        return readable.one(read.record_kind)
    if read.page == "group":
        return f"{readable.one(read.record_kind)} you shared with a group"
    if read.page == "list":
        many = readable.NAMES.get(read.record_kind, ("", "entries"))[1].lower()
        return f"the list of your {many}"
    return PAGES.get(read.page, "a page").lower()


READS_SHOWN = 200


def who_read(reads: list[Read]) -> dict[Any, str]:
    """How the person's list names each reader, by read: a practitioner by their name; someone
    in a group, or a peer partner, by the name they go by there, never their account's."""
    in_groups = groups.known_as((each.group_id, each.reader_id) for each in reads if each.group_id)
    return {each.pk: _name(each, in_groups) for each in reads}


def _name(read: Read, in_groups: dict[tuple[Any, Any], str]) -> str:
    if read.by_alias:
        return in_groups.get((read.group_id, read.reader_id)) or "Someone in a group since closed"
    return str(read.reader or "An account since closed")


def readers_of(person: User) -> dict[str, str]:
    """Who has read something of the person's through a circle, for the list's filter, by
    account id: a practitioner by their name, a peer partner by the name they chose in the
    group (the rest of a group's members are not listed: the person knows them by the group)."""
    seen = set(
        Read.objects.filter(person=person, circle__isnull=False, reader__isnull=False)
        .values_list("reader_id", "group_id", "by_alias")
        .distinct()
    )
    in_groups = groups.known_as((group, reader) for reader, group, alias in seen if alias)
    practitioners = User.objects.in_bulk([reader for reader, _, alias in seen if not alias])
    names = {
        str(reader): in_groups.get((group, reader)) if alias else str(practitioners[reader])
        for reader, group, alias in seen
    }
    known = {reader: name for reader, name in names.items() if name}
    return dict(sorted(known.items(), key=lambda item: item[1].casefold()))
