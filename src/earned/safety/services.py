"""Crisis lines by country, read from the dated data file that ships with Earned, and each
person's safety plan."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).parent / "data" / "crisis_lines.json"


@dataclass(frozen=True)
class CrisisLine:
    name: str
    about: str
    hours: str
    url: str
    source: str
    verified: str
    call: str = ""
    also_call: tuple[str, ...] = ()
    text: str = ""
    text_keyword: str = ""


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    note: str
    source: str
    verified: str


@dataclass(frozen=True)
class CountryResources:
    code: str
    name: str
    emergency: EmergencyNumber
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True)
class Directory:
    name: str
    about: str
    url: str


@dataclass(frozen=True)
class CrisisData:
    reviewed: str
    how_verified: str
    emergency_note: str
    directories: tuple[Directory, ...]
    countries: dict[str, CountryResources]


@cache
def crisis_data() -> CrisisData:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    countries = {
        code: CountryResources(
            code=code,
            name=entry["name"],
            emergency=EmergencyNumber(**entry["emergency"]),
            lines=tuple(
                CrisisLine(**{**line, "also_call": tuple(line.get("also_call", ()))})
                for line in entry["lines"]
            ),
        )
        for code, entry in raw["countries"].items()
    }
    fallback = raw["fallback"]
    return CrisisData(
        reviewed=raw["reviewed"],
        how_verified=raw["how_verified"],
        emergency_note=fallback["emergency_note"],
        directories=tuple(Directory(**item) for item in fallback["directories"]),
        countries=countries,
    )


def resources_for(country_code: str) -> CountryResources | None:
    return crisis_data().countries.get(country_code.upper())


def country_choices() -> list[tuple[str, str]]:
    """The countries we hold crisis lines for, by name, for a form's select."""
    countries = crisis_data().countries.values()
    return sorted(((c.code, c.name) for c in countries), key=lambda choice: choice[1])


def dial_uri(number: str) -> str:
    """A tel:/sms: target with the spaces and dashes people read, but phones do not need."""
    return re.sub(r"[^0-9+]", "", number)


def plan_of(owner: Any) -> Any:
    """The person's safety plan, or an unsaved empty one (nobody has to write one)."""
    from earned.safety.models import SafetyPlan

    return SafetyPlan.objects.filter(owner=owner).first() or SafetyPlan(owner=owner)


def save_plan(owner: Any, plan: Any) -> Any:
    from django.utils import timezone

    from earned.records import saving as records

    plan.updated_at = timezone.now()
    return records.save(owner, plan).record
