"""The map of triggers and safe zones, and the patterns worth reflecting on: properties of the
pure functions in earned/core/ that a person relies on when reading them."""

from __future__ import annotations

import math
import statistics

from hypothesis import given
from hypothesis import strategies as st

from earned.core import mapping, patterns
from earned.insights import charts

percents = st.integers(0, 100)
visits = st.lists(
    st.builds(
        mapping.Visit,
        place=st.sampled_from(["partner", "friend", "family", "p1", "p2"]),
        peak_distress=st.none() | percents,
        violation=st.none() | st.integers(-100, 100),
    ),
    max_size=40,
)


@given(visits)
def test_each_place_summarises_exactly_its_complete_experiences(found: list[mapping.Visit]) -> None:
    complete = [v for v in found if v.peak_distress is not None and v.violation is not None]
    places = mapping.places(found)
    assert sum(place.count for place in places) == len(complete)
    for place in places:
        mine = [v for v in complete if v.place == place.key]
        assert place.count == len(mine)
        assert place.distress == statistics.fmean(v.peak_distress or 0 for v in mine)
        assert place.better == sum((v.violation or 0) > 0 for v in mine) / len(mine)
        assert 0 <= place.distress <= 100
        assert 0 <= place.better <= 1
    assert [p.count for p in places] == sorted((p.count for p in places), reverse=True)


@given(st.floats(0, 100), st.floats(0, 1))
def test_the_quadrant_follows_the_two_middle_lines(distress: float, better: float) -> None:
    found = mapping.quadrant(distress, better)
    calm = distress < mapping.DISTRESS_MIDDLE
    often_better = better >= mapping.BETTER_MIDDLE
    assert (found in (mapping.SAFE_ZONE, mapping.CLOSER_LOOK)) == calm
    assert (found in (mapping.SAFE_ZONE, mapping.GROWING_EDGE)) == often_better


def test_quadrants_are_named_gently() -> None:
    assert [name for name, _ in mapping.QUADRANTS.values()] == [
        "Safe zones", "Growing edges", "Hard places", "Worth a closer look",
    ]  # fmt: skip


# --- Patterns ---------------------------------------------------------------------------------

outcomes = st.lists(
    st.builds(
        patterns.Outcome,
        person=st.none() | st.sampled_from(["jo", "mum"]),
        occurred=st.none() | percents,
        likelihood=st.none() | percents,
        felt=st.none() | st.booleans(),
        overwhelmed=st.booleans(),
    ),
    max_size=30,
)


@given(outcomes)
def test_a_confirmed_relationship_rests_on_enough_mostly_confirming_experiences(
    found: list[patterns.Outcome],
) -> None:
    for hit in patterns.keeps_being_confirmed(found):
        mine = [o for o in found if o.person == hit.key and o.occurred is not None]
        assert hit.of == len(mine) >= patterns.AT_LEAST
        assert hit.count == sum(map(patterns.confirmed, mine))
        assert hit.count >= patterns.CONFIRMED_SHARE * hit.of


@given(outcomes, st.sampled_from(["jo", "mum"]))
def test_enough_better_than_feared_experiences_lift_the_pattern(
    found: list[patterns.Outcome], person: str
) -> None:
    """A good experience never counts as the expectation coming true; once good ones are most
    of the story with someone, the pattern is no longer offered."""
    better = patterns.Outcome(person, occurred=10, likelihood=80, felt=True, overwhelmed=False)
    assert not patterns.confirmed(better)
    more = [*found, *[better] * (len(found) + 1)]
    assert person not in {hit.key for hit in patterns.keeps_being_confirmed(more)}


tests = st.lists(
    st.builds(
        patterns.Tests,
        expectation=st.sampled_from(["e1", "e2", "e3"]),
        felt=st.none() | st.booleans(),
        count=st.integers(0, 4),
    ),
    max_size=12,
)


@given(tests)
def test_an_expectation_felt_even_once_is_not_called_only_observed(
    found: list[patterns.Tests],
) -> None:
    hits = patterns.tested_only_by_observing(found)
    for hit in hits:
        mine = [t for t in found if t.expectation == hit.key]
        assert not any(t.felt is True and t.count for t in mine)
        assert sum(t.count for t in mine if t.felt is False) == hit.count
        assert hit.count >= patterns.OBSERVED_AT_LEAST
    felt_now = [patterns.Tests(hit.key, True, 1) for hit in hits]
    assert patterns.tested_only_by_observing([*found, *felt_now]) == []


@given(outcomes)
def test_overwhelm_is_raised_only_when_it_happened_often_enough(
    found: list[patterns.Outcome],
) -> None:
    above = sum(o.overwhelmed for o in found)
    hit = patterns.often_overwhelmed(found)
    assert (hit is not None) == (above >= patterns.AT_LEAST)
    if hit is not None:
        assert (hit.count, hit.of) == (above, len(found))


def test_the_patterns_on_an_example() -> None:
    with_jo = [patterns.Outcome("jo", 80, 70, False, False) for _ in range(3)]
    assert patterns.keeps_being_confirmed(with_jo) == [patterns.Found("jo", 3, 3)]
    watched = [patterns.Tests("e1", False, 2), patterns.Tests("e1", None, 4)]
    assert patterns.tested_only_by_observing(watched) == [patterns.Found("e1", 2, 2)]
    assert patterns.often_overwhelmed(with_jo) is None
    # As feared but not mostly: 40% happened is not "the old expectation came true".
    mild = [patterns.Outcome("jo", 40, 40, None, True) for _ in range(3)]
    assert patterns.keeps_being_confirmed(mild) == []
    assert patterns.often_overwhelmed(mild) == patterns.Found("", 3, 3)


# --- Labels on the map --------------------------------------------------------------------------

circles = st.lists(
    st.tuples(
        st.floats(charts.MAP_LEFT + 30, charts.MAP_WIDTH - 40),
        st.floats(charts.MAP_TOP + 30, charts.MAP_HEIGHT - charts.MAP_BOTTOM - 30),
        st.floats(6, 24),
        st.text(alphabet="abcdefgh ", min_size=1, max_size=14),
    ),
    max_size=12,
)


@given(circles)
def test_map_labels_never_cover_each_other_or_another_circle(
    spots: list[tuple[float, float, float, str]],
) -> None:
    labels = charts.place_labels(spots)
    assert len(labels) == len(spots)
    boxes = [
        (index, charts._label_box(label, spots[index][3]))
        for index, label in enumerate(labels)
        if label is not None
    ]
    for position, (index, box) in enumerate(boxes):
        for _, other in boxes[position + 1 :]:
            assert not charts._overlaps(box, other)
        for other_index, (x, y, r, _) in enumerate(spots):
            if other_index != index:
                assert not charts._overlaps(box, (x - r, y - r, x + r, y + r))


def test_a_lone_circle_is_labelled_below() -> None:
    (label,) = charts.place_labels([(300.0, 200.0, 10.0, "Partner")])
    assert label == charts.Label(300.0, 200.0 + 10.0 + charts.LABEL_HEIGHT, "middle")


# --- Circles on the map -------------------------------------------------------------------------

placed = st.lists(
    st.tuples(
        st.floats(charts.MAP_LEFT + 30, charts.MAP_WIDTH - 40),
        st.floats(charts.MAP_TOP + 30, charts.MAP_HEIGHT - charts.MAP_BOTTOM - 30),
        st.floats(6, 24),
    ),
    max_size=12,
)


@given(placed)
def test_no_circle_on_the_map_covers_another_and_none_leaves_it(
    circles: list[tuple[float, float, float]],
) -> None:
    spread = charts.spread(circles)
    for i, ((x, y), (_, _, r)) in enumerate(zip(spread, circles, strict=True)):
        assert charts.MAP_LEFT + r - 0.01 <= x <= charts.MAP_WIDTH - charts.MAP_RIGHT - r + 0.01
        assert charts.MAP_TOP + r - 0.01 <= y <= charts.MAP_HEIGHT - charts.MAP_BOTTOM - r + 0.01
        for (other_x, other_y), (_, _, other_r) in list(zip(spread, circles, strict=True))[i + 1 :]:
            assert math.hypot(x - other_x, y - other_y) >= r + other_r - 0.02


@given(placed)
def test_circles_clear_of_each_other_stay_exactly_where_they_are(
    circles: list[tuple[float, float, float]],
) -> None:
    clear = all(
        math.hypot(a[0] - b[0], a[1] - b[1]) >= a[2] + b[2] + charts.SPREAD_GAP
        for n, a in enumerate(circles)
        for b in circles[n + 1 :]
    )
    if clear:
        assert charts.spread(circles) == [(round(x, 2), round(y, 2)) for x, y, _ in circles]


def test_two_people_with_the_same_results_are_both_seen_and_named() -> None:
    same = mapping.Place("p1", 4, 40.0, 0.75, "safe")
    chart = charts.place_map(
        [(same, "Jo", "/people/1/", "person"),
         (mapping.Place("p2", 4, 40.0, 0.75, "safe"), "Sam", "/people/2/", "person")]
    )  # fmt: skip
    jo, sam = chart.spots
    assert math.hypot(jo.x - sam.x, jo.y - sam.y) >= jo.r + sam.r
    assert jo.label is not None
    assert sam.label is not None
    # …and each stays within a circle's width of where its results put it.
    for spot in chart.spots:
        assert math.hypot(spot.x - charts.map_x(40.0), spot.y - charts.map_y(0.75)) <= 2 * spot.r
