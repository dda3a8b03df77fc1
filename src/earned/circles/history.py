"""A person's care circles as their export keeps them: who was in them and what each could see,
every read, every suggestion and session, and every comment with its replies. An import does
not bring these back: a circle joins two accounts of one server, so it is made anew where the
person moves to."""

from __future__ import annotations

from typing import Any

from earned.accounts.models import User
from earned.circles import audit
from earned.circles.models import Assignment, Circle, Comment, Read, Session


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def _author(comment: Comment, circles: dict[Any, Circle]) -> str:
    """Who wrote a comment, as the person knows them (their own circles' readers by name)."""
    circle = circles[comment.circle_id]
    return circle.person_name if comment.author_id == circle.person_id else circle.reader_name


def history(person: User) -> dict[str, list[dict[str, Any]]]:
    """Everything of the person's circles (needs the person's key: comments, suggestions and
    what sessions noticed are sealed with it)."""
    circles = list(Circle.objects.filter(person=person).select_related("practitioner", "person"))
    circles_by_id = {each.pk: each for each in circles}
    reads = list(Read.objects.filter(person=person).select_related("reader").order_by("at"))
    who = audit.who_read(reads)
    comments = Comment.objects.filter(owner=person).order_by("at")
    return {
        "circles": [
            {
                "id": str(each.pk),
                # in a peer pair, the partner by the name they go by in the group
                "practitioner": each.reader_name,
                "group": str(each.group_id) if each.group_id else None,
                "categories": each.categories,
                "started_at": _when(each.started_at),
                "ended_at": _when(each.ended_at),
            }
            for each in circles
        ],
        "reads": [
            {
                "at": _when(read.at),
                "reader": who[read.pk],  # in a group, the name they go by there
                "circle": str(read.circle_id) if read.circle_id else None,
                "group": str(read.group_id) if read.group_id else None,
                "page": read.page,
                "record_kind": read.record_kind,
                "record_id": str(read.record_id) if read.record_id else None,
            }
            for read in reads
        ],
        "assignments": [
            {
                "id": str(each.pk),
                "circle": str(each.circle_id),
                "kind": each.kind,
                "what": each.what,
                "prompt": each.prompt,
                "about": each.about,
                "due": _when(each.due),
                "created_at": _when(each.created_at),
                "done_at": _when(each.done_at),
                "entry_kind": each.entry_kind,
                "entry_id": str(each.entry_id) if each.entry_id else None,
            }
            for each in Assignment.objects.filter(owner=person).order_by("created_at")
        ],
        "sessions": [
            {
                "id": str(each.pk),
                "circle": str(each.circle_id),
                "at": _when(each.at),
                "status": each.status,
                "noticed": each.noticed,
                "what": each.what,
                "set_aside_at": _when(each.set_aside_at),
                "entry_kind": each.entry_kind,
                "entry_id": str(each.entry_id) if each.entry_id else None,
            }
            for each in Session.objects.filter(owner=person).order_by("at")
        ],
        "comments": [
            {
                "id": str(each.pk),
                "circle": str(each.circle_id),
                "author": _author(each, circles_by_id) if each.author_id else None,
                "by_me": each.by_the_person,
                "entry_kind": each.entry_kind,
                "entry_id": str(each.entry_id),
                "reply_to": str(each.reply_to_id) if each.reply_to_id else None,
                "body": each.body,
                "at": _when(each.at),
                "hidden_at": _when(each.hidden_at),
            }
            for each in comments
        ],
    }
