"""The questionnaires a person can take: our own practice check-in, shipped (its wording is
ours, and it is labelled as not validated), and any validated instrument whose wording they
have imported, scored by its published rules (`core.instruments`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from earned.access import owned
from earned.accounts.models import User
from earned.core.instruments import DEFINITIONS, Definition
from earned.core.measures import Rules
from earned.measures.models import Questionnaire


@dataclass(frozen=True)
class Instrument:
    key: str
    title: str
    about: str
    period: str  # the time the questions look back over, or the file's opening words
    items: tuple[str, ...]
    options: tuple[tuple[str, ...], ...]  # each item's answers, from the lowest score up
    rules: Rules
    every_days: int  # how often it is suggested, unless the person chooses
    link_ids: tuple[str, ...] = ()  # each item's id and its answers' codes in the imported
    codes: tuple[tuple[str, ...], ...] = ()  # file, for exporting answers back as FHIR
    definition: Definition | None = None  # for a validated instrument
    copyright: str = ""
    own_figures: str = ""  # where the person's own reliable-change figures come from, if any

    def link_id(self, number: int) -> str:
        return self.link_ids[number - 1] if self.link_ids else str(number)

    def code(self, number: int, answer: int) -> str:
        return self.codes[number - 1][answer - self.rules.low] if self.codes else str(answer)

    @property
    def validated(self) -> bool:
        return self.definition is not None

    @property
    def lowest(self) -> float:
        return self.rules.lowest_total

    @property
    def highest(self) -> float:
        return self.rules.highest_total

    @property
    def scales(self) -> tuple[tuple[str, str], ...]:
        """What is charted: the total, or (without one) each subscale — (key, name)."""
        if self.rules.has_total:
            return (("total", "Score"),)
        names = self.definition.subscale_names if self.definition else {}
        return tuple((sub.key, names.get(sub.key, sub.key)) for sub in self.rules.subscales)


PRACTICE_ANSWERS = ("Not at all", "A little", "Somewhat", "Mostly", "Completely")
PRACTICE_ITEMS = (
    "I felt safe enough to be myself with at least one person.",
    "When someone was slow to reply or seemed distant, I could wait before deciding what it meant.",
    "I let someone know what I needed.",
    "When someone was there for me, I let it count.",
    "After a hard moment with someone, I was kind to myself.",
)
PRACTICE = Instrument(
    key="practice",
    title="Weekly practice check-in",
    about=(
        "Five questions we wrote about how safe relationships have felt this week. It is not a "
        "validated questionnaire: it is a way to notice, week by week, and nothing more."
    ),
    period="Over the past week…",
    items=PRACTICE_ITEMS,
    options=(PRACTICE_ANSWERS,) * len(PRACTICE_ITEMS),
    rules=Rules(items=5, low=0, high=4),
    every_days=7,
)


def available(owner: User) -> dict[str, Instrument]:
    """Every questionnaire this person can take: ours first, then those they imported."""
    found = {PRACTICE.key: PRACTICE}
    for imported in owned(Questionnaire, owner).order_by("instrument"):
        definition = DEFINITIONS.get(imported.instrument)
        if definition is not None:
            found[definition.key] = imported_instrument(definition, imported)
    return found


def imported_instrument(definition: Definition, imported: Questionnaire) -> Instrument:
    wording = json.loads(imported.wording)
    rules, own = definition.rules, ""
    if imported.norm_sd is not None and imported.reliability is not None:
        rules = replace(rules, norm_sd=imported.norm_sd, reliability=imported.reliability)
        own = imported.norm_source or ""
    return Instrument(
        key=definition.key,
        title=imported.title
        if definition.name in imported.title
        else f"{definition.name} · {imported.title}",
        about="A validated questionnaire, in the wording you imported, scored as its authors "
        "publish it.",
        period=imported.intro or "",
        items=tuple(item["text"] for item in wording),
        options=tuple(tuple(item["answers"]) for item in wording),
        link_ids=tuple(item["link_id"] for item in wording),
        codes=tuple(tuple(item["codes"]) for item in wording),
        rules=rules,
        every_days=definition.every_days,
        definition=definition,
        copyright=imported.copyright or "",
        own_figures=own,
    )
