"""Taking a measure, its history, when it is due, and importing a validated one's wording."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core.fhir import ProblemInFile, read_questionnaire
from earned.core.instruments import DEFINITIONS, Definition, items_for, recognise
from earned.core.measures import asks_for_safety, score
from earned.measures.instruments import Instrument, available
from earned.measures.models import Questionnaire, Response, Schedule
from earned.records import saving as records

MOST_FILE_BYTES = 1_000_000  # a questionnaire is a few kilobytes


@dataclass(frozen=True)
class Taken:
    response: Response
    asks_for_safety: bool  # a risk item answered above its lowest point


def record(
    owner: User,
    instrument: Instrument,
    answers: dict[int, int],
    note: str,
    at: datetime.datetime | None = None,
) -> Taken:
    """A questionnaire taken (now, unless `at` says when), scored by its rules."""
    result = score(instrument.rules, answers)
    response = Response(
        at=at or timezone.now(),
        instrument=instrument.key,
        answers={str(item): answer for item, answer in answers.items()},
        total=result.total,
        scores=result.subscales,
        note=note or None,
    )
    records.save(owner, response)
    return Taken(response, asks_for_safety(instrument.rules, answers))


def history(owner: User, instrument: Instrument) -> list[Response]:
    """Newest first, without opening any note."""
    return list(owned(Response, owner).filter(instrument=instrument.key).defer("note"))


def due(
    owner: User,
    now: datetime.datetime | None = None,
    *,
    started_only: bool = False,
    instruments: dict[str, Instrument] | None = None,
) -> list[Instrument]:
    """The measures not taken within their interval: suggested gently, never demanded. With
    `started_only`, only those taken at least once (Today does not push a first one)."""
    now = now or timezone.now()
    latest = dict(
        owned(Response, owner)
        .values_list("instrument")
        .annotate(latest=Max("at"))
        .values_list("instrument", "latest")
        .order_by()
    )
    if started_only and not latest:
        return []  # none taken yet: nothing to look up
    instruments = available(owner) if instruments is None else instruments
    chosen = every_days(owner, instruments)
    found = []
    for key, instrument in instruments.items():
        days = chosen[key]
        if days == 0:
            continue  # the person asked never to be reminded
        if key not in latest:
            if not started_only:
                found.append(instrument)
        elif now - latest[key] >= datetime.timedelta(days=days):
            found.append(instrument)
    return found


def every_days(owner: User, instruments: dict[str, Instrument] | None = None) -> dict[str, int]:
    """How often each measure is suggested: the person's choice, or its default."""
    instruments = available(owner) if instruments is None else instruments
    chosen = dict(owned(Schedule, owner).values_list("instrument", "every_days"))
    return {key: chosen.get(key, i.every_days) for key, i in instruments.items()}


def set_schedule(owner: User, instrument: Instrument, days: int) -> None:
    schedule = owned(Schedule, owner).filter(instrument=instrument.key).first()
    schedule = schedule or Schedule(instrument=instrument.key)
    schedule.every_days = days
    records.save(owner, schedule)


def set_change_figures(
    owner: User, instrument: Instrument, sd: float | None, reliability: float | None, source: str
) -> Questionnaire:
    """Reliable change by the person's own figures (from a published study), or — with None —
    by Earned's again."""
    kept = owned(Questionnaire, owner).get(instrument=instrument.key)
    kept.norm_sd, kept.reliability, kept.norm_source = sd, reliability, source or None
    records.save(owner, kept, update_fields=["norm_sd", "reliability", "norm_source"])
    return kept


def answered_without_wording(owner: User, instruments: dict[str, Instrument]) -> dict[str, int]:
    """How many answers each removed questionnaire still has (its key → count)."""
    counts = (
        owned(Response, owner)
        .exclude(instrument__in=instruments)
        .values_list("instrument")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {key: count for key, count in counts if key in DEFINITIONS}


class NeedsChoosing(ProblemInFile):
    """The file is usable but names no instrument Earned knows: the person says which it is."""


@dataclass(frozen=True)
class Imported:
    definition: Definition
    replaced: bool  # earlier wording of the same instrument was replaced
    left_out: int  # the file's other questions, not part of the instrument's score

    def words(self) -> str:
        name = self.definition.name
        said = (
            f"The {name}'s wording was replaced; your earlier answers are kept."
            if self.replaced
            else f"Imported the {name}. You can take it whenever suits you."
        )
        if self.left_out:
            others = "question" if self.left_out == 1 else "questions"
            said += (
                f" The file's {self.left_out} other {others} (not part of the {name}'s score) "
                "will not be asked."
            )
        return said


def import_questionnaire(owner: User, document: bytes, chosen: str = "") -> Imported:
    """Reads a FHIR Questionnaire file, attaches the scoring of the instrument it is (by its
    LOINC panel code or canonical URL, or as the person chose), checks its questions against
    that instrument's rules and keeps its wording as the person's own record. Raises
    ProblemInFile in plain words."""
    if len(document) > MOST_FILE_BYTES:
        raise ProblemInFile("This file is larger than any questionnaire (over 1 MB).")
    questionnaire = read_questionnaire(document)
    found = recognise(questionnaire.codes, questionnaire.url)
    picked = DEFINITIONS.get(chosen) if chosen else None
    if found and picked and found is not picked:
        raise ProblemInFile(
            f"By its code this file is the {found.name}, not the {picked.name}: choose "
            f"“{found.name}” or let Earned recognise it."
        )
    definition = found or picked
    if definition is None:
        raise NeedsChoosing(
            "Earned could not tell which questionnaire this is from the file's codes. Please "
            "choose it below; its questions will be checked against that instrument."
        )
    items = items_for(definition, questionnaire)
    wording = json.dumps(
        [
            {
                "link_id": i.link_id,
                "text": i.text,
                "answers": list(i.answers),
                "codes": list(i.codes),
            }
            for i in items
        ]
    )
    kept = owned(Questionnaire, owner).filter(instrument=definition.key).first()
    created = kept is None
    kept = kept or Questionnaire(instrument=definition.key)
    kept.title, kept.intro, kept.wording = questionnaire.title, questionnaire.intro, wording
    kept.copyright, kept.url, kept.imported_at = (
        questionnaire.copyright,
        questionnaire.url,
        timezone.now(),
    )
    records.save(owner, kept)
    left_out = sum(1 for q in questionnaire.questions if q.options) - len(items)
    return Imported(definition, not created, left_out)
