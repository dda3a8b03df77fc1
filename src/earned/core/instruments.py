"""The scoring rules of the validated questionnaires Earned can score, as their authors publish
them. Facts only: no item wording (a person or clinic imports it from a FHIR file, see
`core.fhir`), and bands carry the authors' own range names, which Earned shows as ranges of a
score — never as a diagnosis.

Where a published figure could not be checked for reliable change (a norm SD), it is left out
and no change is marked reliable for that instrument; docs/measures.md lists each source.
"""

from __future__ import annotations

from dataclasses import dataclass

from earned.core.fhir import ProblemInFile, Question, Questionnaire
from earned.core.measures import Band, Rules, Subscale

LOINC = "http://loinc.org"


@dataclass(frozen=True)
class Definition:
    key: str
    name: str  # the instrument's usual short name
    rules: Rules
    subscale_names: dict[str, str]  # subscale key → its authors' name
    citation: str
    licence: str
    every_days: int  # a sensible default for suggesting it again: the period it asks about
    loinc_panel: str | None = None  # how a FHIR file is recognised…
    loinc_total: str | None = None  # …and the code its total is exported under
    canonical_urls: tuple[str, ...] = ()
    change_source: str = ""  # where `rules.reliability` and `rules.norm_sd` come from

    @property
    def lowest_total(self) -> float:
        return self.rules.lowest_total

    @property
    def highest_total(self) -> float:
        return self.rules.highest_total


PHQ_9 = Definition(
    key="phq-9",
    name="PHQ-9",
    rules=Rules(
        items=9,
        low=0,
        high=3,
        bands=(
            Band(0, 4, "minimal"),
            Band(5, 9, "mild"),
            Band(10, 14, "moderate"),
            Band(15, 19, "moderately severe"),
            Band(20, 27, "severe"),
        ),
        # Cronbach's alpha in the PHQ Primary Care Study (Kroenke et al. 2001). The SD is that of
        # the German general population (Kocalevent et al. 2013): 3.5 for women and for men.
        reliability=0.89,
        norm_sd=3.5,
        risk_items=frozenset({9}),
    ),
    subscale_names={},
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity "
        "measure. J Gen Intern Med 2001;16(9):606–613. Norms: Kocalevent R-D, Hinz A, Brähler E. "
        "Gen Hosp Psychiatry 2013;35(5):551–555."
    ),
    licence="Free to use without permission (Pfizer Inc.; phqscreeners.com).",
    every_days=14,
    loinc_panel="44249-1",
    loinc_total="44261-6",
    canonical_urls=("http://loinc.org/q/44249-1",),
    change_source=(
        "alpha .89 (Kroenke et al. 2001); SD 3.5 in the German general population "
        "(Kocalevent et al. 2013)"
    ),
)

GAD_7 = Definition(
    key="gad-7",
    name="GAD-7",
    rules=Rules(
        items=7,
        low=0,
        high=3,
        # Spitzer et al. (2006) name the ranges from 5, 10 and 15; below 5 has no name there.
        bands=(
            Band(0, 4, ""),
            Band(5, 9, "mild"),
            Band(10, 14, "moderate"),
            Band(15, 21, "severe"),
        ),
        # Löwe et al. (2008), German general population: alpha = .89 in every subgroup; the SD
        # combines women's 3.5 and men's 3.2 (53.6% women; means 3.2 and 2.7): √11.38 = 3.37.
        reliability=0.89,
        norm_sd=3.37,
    ),
    subscale_names={},
    citation=(
        "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized "
        "anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097. Norms: Löwe B et "
        "al. Med Care 2008;46(3):266–274."
    ),
    licence="Free to use without permission (Pfizer Inc.; phqscreeners.com).",
    every_days=14,
    loinc_panel="69737-5",
    loinc_total="70274-6",
    canonical_urls=("http://loinc.org/q/69737-5",),
    change_source=(
        "alpha .89 and SD 3.37 in the German general population (Löwe et al. 2008; the SDs "
        "of women and men combined)"
    ),
)

PCL_5 = Definition(
    key="pcl-5",
    name="PCL-5",
    rules=Rules(
        items=20,
        low=0,
        high=4,
        subscales=(
            Subscale("b", (1, 2, 3, 4, 5)),
            Subscale("c", (6, 7)),
            Subscale("d", (8, 9, 10, 11, 12, 13, 14)),
            Subscale("e", (15, 16, 17, 18, 19, 20)),
        ),
        # Alpha = .94 (Blevins et al. 2015, study 1). No norm SD checked yet: change is not marked.
        reliability=0.94,
        # Item 16 asks about doing things that could cause harm.
        risk_items=frozenset({16}),
    ),
    subscale_names={
        "b": "Cluster B (items 1–5)",
        "c": "Cluster C (items 6–7)",
        "d": "Cluster D (items 8–14)",
        "e": "Cluster E (items 15–20)",
    },
    citation=(
        "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist "
        "for DSM-5 (PCL-5). National Center for PTSD, 2013. Blevins CA, Weathers FW, Davis MT, "
        "Witte TK, Domino JL. J Trauma Stress 2015;28(6):489–498."
    ),
    licence="Public domain (US National Center for PTSD).",
    every_days=30,
)

SCS_SF = Definition(
    key="scs-sf",
    name="SCS-SF",
    rules=Rules(
        items=12,
        low=1,
        high=5,
        method="mean",
        reverse=frozenset({1, 4, 8, 9, 11, 12}),
        # Each subscale is the mean of its two items; the three "uncompassionate" ones are
        # reported as answered (higher: more of it) and reversed only within the total.
        subscales=(
            Subscale("self_kindness", (2, 6), "mean"),
            Subscale("self_judgment", (11, 12), "mean", as_answered=True),
            Subscale("common_humanity", (5, 10), "mean"),
            Subscale("isolation", (4, 8), "mean", as_answered=True),
            Subscale("mindfulness", (3, 7), "mean"),
            Subscale("over_identified", (1, 9), "mean", as_answered=True),
        ),
        # Raes et al. (2011): alpha ≥ .86 in every sample. No norm SD checked yet.
        reliability=0.86,
    ),
    subscale_names={
        "self_kindness": "Self-kindness",
        "self_judgment": "Self-judgement",
        "common_humanity": "Common humanity",
        "isolation": "Isolation",
        "mindfulness": "Mindfulness",
        "over_identified": "Over-identification",
    },
    citation=(
        "Raes F, Pommier E, Neff KD, Van Gucht D. Construction and factorial validation of a "
        "short form of the Self-Compassion Scale. Clin Psychol Psychother 2011;18(3):250–255."
    ),
    licence="Free to use for research and clinical work (Kristin Neff; self-compassion.org).",
    every_days=30,
)

ECR_RS = Definition(
    key="ecr-rs",
    name="ECR-RS",
    rules=Rules(
        items=9,
        low=1,
        high=7,
        method="mean",
        reverse=frozenset({1, 2, 3, 4}),
        subscales=(
            Subscale("avoidance", (1, 2, 3, 4, 5, 6), "mean"),
            Subscale("anxiety", (7, 8, 9), "mean"),
        ),
        has_total=False,  # two scores, one per dimension, for the relationship asked about
    ),
    subscale_names={"avoidance": "Avoidance", "anxiety": "Anxiety"},
    citation=(
        "Fraley RC, Heffernan ME, Vicary AM, Brumbaugh CC. The Experiences in Close "
        "Relationships—Relationship Structures questionnaire: a method for assessing attachment "
        "orientations across relationships. Psychol Assess 2011;23(3):615–625."
    ),
    licence="Freely available from its authors for research and clinical use.",
    every_days=30,
)

DEFINITIONS = {each.key: each for each in (PHQ_9, GAD_7, PCL_5, SCS_SF, ECR_RS)}


def recognise(codes: tuple[tuple[str, str], ...], url: str | None) -> Definition | None:
    """The instrument a FHIR Questionnaire is, by its LOINC panel code or canonical URL."""
    for definition in DEFINITIONS.values():
        if url and url.rstrip("/") in definition.canonical_urls:
            return definition
        if definition.loinc_panel and any(
            system in (LOINC, "") and code == definition.loinc_panel for system, code in codes
        ):
            return definition
    return None


@dataclass(frozen=True)
class Item:
    link_id: str
    text: str
    answers: tuple[str, ...]  # the wording of each answer, from the scale's lowest score up
    codes: tuple[str, ...]  # each answer's code in the file, in the same order


def items_for(definition: Definition, questionnaire: Questionnaire) -> tuple[Item, ...]:
    """The questions of an imported file that the instrument scores, in order, each checked
    against its rules. The first N questions with answers to choose from are the N items;
    questions after them (a closing question some versions add, a calculated total) are not
    asked. Where the file scores the answers, the scores must be exactly the scale's points;
    where it gives none (LOINC's own files often do not), the answers count from the scale's
    lowest point in the order the file lists them, so their number must match the scale."""
    rules, name = definition.rules, definition.name
    choices = [q for q in questionnaire.questions if q.options]
    if len(choices) < rules.items:
        have = f"only {len(choices)} question{'s' if len(choices) != 1 else ''}"
        raise ProblemInFile(
            f"This file has {have} with answers to choose from; the {name} has {rules.items}."
        )
    scale = list(range(rules.low, rules.high + 1))
    found = []
    for question in choices[: rules.items]:
        found.append(_item(question, scale, name))
    return tuple(found)


def _item(question: Question, scale: list[int], name: str) -> Item:
    options = question.options
    given = [o.score for o in options if o.score is not None]
    if not given:
        if len(options) != len(scale):
            raise ProblemInFile(
                f"Question “{question.link_id}” offers {len(options)} answers; the {name} has "
                f"{len(scale)} for each ({scale[0]} to {scale[-1]})."
            )
        ordered = list(options)
    else:
        by_score = {o.score: o for o in options if o.score is not None}
        if sorted(by_score) != scale or len(options) != len(scale):
            raise ProblemInFile(
                f"Question “{question.link_id}” scores its answers "
                f"{', '.join(f'{g:g}' for g in sorted(given))}; the {name} scores each answer "
                f"{scale[0]} to {scale[-1]}, once each."
            )
        ordered = [by_score[float(s)] for s in scale]
    return Item(
        question.link_id,
        question.text,
        tuple(o.display for o in ordered),
        tuple(o.code for o in ordered),
    )
