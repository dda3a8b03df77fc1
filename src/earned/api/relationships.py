"""The people in a life through the API, by earned/relationships/services.py: a person (with how
safe they feel now), a moment they showed up (taken back, if noted by mistake), a rupture, and
its repair."""

from typing import Any

from pydantic import Field

from earned.accounts.models import User
from earned.api.records import add_delete, kind_named
from earned.api.types import Whole
from earned.api.writing import add_writes, as_given
from earned.records import saving
from earned.relationships import services as relationships
from earned.relationships.models import Person, Presence, Repair, Rupture


def _person(owner: User, person: Person, extra: dict[str, Any]) -> Any:
    return relationships.save_person(owner, person, extra.get("feels_safe"))


def add() -> None:
    add_writes(
        Person, ("name", "role", "note", "safe_ally"), ("name",), _person,
        extra={"feels_safe": (Whole | None, Field(None, ge=0, le=100,
                                                   description="How safe they feel now, 0–100."))},
        what="Add someone to your people",
    )  # fmt: skip
    add_writes(Presence, ("person", "showed", "at", "note"), ("person", "showed"),
               as_given(saving.save),
               what="Note a moment someone showed up")  # fmt: skip
    add_writes(
        Rupture,
        ("person", "at", "setting", "kind", "intensity", "trigger", "own_part", "their_part",
         "noticed_by"),
        ("person",), as_given(relationships.save_rupture), what="Note a rupture",
    )  # fmt: skip
    add_writes(Repair, ("rupture", "at", "started_by", "what", "outcome"), ("rupture", "what"),
               as_given(relationships.save_repair), what="Note a repair of a rupture")  # fmt: skip
    add_delete(kind_named("presence"), relationships.take_back)  # a moment noted by mistake
