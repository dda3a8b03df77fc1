"""What a score says, in plain and neutral words: the score and its range, and whether it has
moved since the first time by more than measurement alone explains. Never a diagnosis."""

from __future__ import annotations

from dataclasses import dataclass

from earned.core.measures import Band, reliable_change, smallest_reliable_change
from earned.measures.instruments import Instrument
from earned.measures.models import Response


def number(value: float) -> str:
    """Whole scores as whole numbers, means to one decimal."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def value_of(response: Response, scale: str) -> float | None:
    if scale == "total":
        return response.total
    found = response.scores.get(scale) if isinstance(response.scores, dict) else None
    return float(found) if isinstance(found, int | float) else None


def score_words(instrument: Instrument, response: Response, *, short: bool = False) -> str:
    """“9 of 27, in the range its authors call “mild” (5–9)”, or each subscale; `short`, for a
    table row: “9 of 27 · mild”."""
    if not instrument.rules.has_total:
        low, high = instrument.rules.low, instrument.rules.high
        parts = [
            f"{name} {number(value)}"
            for key, name in instrument.scales
            if (value := value_of(response, key)) is not None
        ]
        return f"{', '.join(parts)} (each from {low} to {high})"
    total = response.total if response.total is not None else 0.0
    if instrument.rules.method == "mean":
        words = f"{number(total)} on a scale from {instrument.rules.low} to {instrument.rules.high}"
    else:
        words = f"{number(total)} of {number(instrument.highest)}"
    found = _band(instrument.rules.bands, total)
    if found is None:
        return words
    if short:
        return f"{words} · {found.label}" if found.label else words
    span = f"{number(found.low)}–{number(found.high)}"
    if found.label:
        return f"{words}, in the range its authors call “{found.label}” ({span})"
    return f"{words}, in the range {span}, below the authors' first named range"


def parts_words(instrument: Instrument, response: Response) -> str:
    """The subscales beside a total (the PCL-5's clusters, the SCS-SF's six parts), or ""."""
    if not instrument.rules.has_total or not instrument.definition:
        return ""
    names = instrument.definition.subscale_names
    return " · ".join(
        f"{names[sub.key]} {number(value)}"
        for sub in instrument.rules.subscales
        if (value := value_of(response, sub.key)) is not None
    )


def _band(bands: tuple[Band, ...], total: float) -> Band | None:
    return next((b for b in bands if b.low <= total <= b.high), None)


@dataclass(frozen=True)
class Movement:
    first: Response
    reach: float  # how far a score must move to be a reliable change
    words: str


def since_first(
    instrument: Instrument, taken: list[Response], *, told: str = "you"
) -> Movement | None:
    """The latest total against the first, by Jacobson–Truax with the instrument's published
    reliability and norm SD; None without two totals or without those figures. `told` is who
    reads it: "you", the person; "report", the therapy report (the period's first time); or
    "practitioner", someone the person shares their measures with."""
    rules = instrument.rules
    totals = [r for r in taken if r.total is not None]
    if rules.reliability is None or rules.norm_sd is None or len(totals) < 2:
        return None
    first, latest = totals[-1], totals[0]  # newest first
    before, after = float(first.total or 0), float(latest.total or 0)
    reach = smallest_reliable_change(rules.norm_sd, rules.reliability)
    change = reliable_change(before, after, rules.norm_sd, rules.reliability)
    moved = after - before
    when = f"{first.at:%-d %b %Y}"
    since = {
        "you": f"Since your first time ({when}) your score",
        "report": f"Since the period's first time ({when}) the score",
        "practitioner": f"Since their first time ({when}) their score",
    }[told]
    if change.reliable:
        way = "down" if moved < 0 else "up"
        words = (
            f"{since} has gone {way} by {number(abs(moved))}: more than the {reach:.1f} points "
            "that measurement alone can explain."
        )
    else:
        words = (
            f"{since} has moved by {number(abs(moved))}: within the {reach:.1f} points that "
            "measurement alone can explain, so it may be steady."
        )
    return Movement(first, reach, words)
