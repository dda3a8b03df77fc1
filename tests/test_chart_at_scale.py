"""An expectation's chart after years of tests: lines keep what a pixel can show, dots too close
to tell apart are drawn as one at their average, and the table of numbers goes month by month.
The geometry is pure, so its promises are checked over many generated cases; the page, as a
person reads it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.core import chart
from earned.ledger import charts
from tests.pages import page
from tests.test_ledger import an_expectation, an_experience

xs = st.floats(min_value=chart.LEFT, max_value=chart.WIDTH - chart.RIGHT)
ys = st.floats(min_value=chart.TOP, max_value=chart.HEIGHT - chart.BOTTOM)
# A line runs left to right; years of points crowd a few pixel columns each.
crowded = st.integers(4 * chart.LEFT, 4 * chart.LEFT + 40).map(lambda quarter: quarter / 4)
line = st.lists(st.tuples(xs | crowded, ys), max_size=400).map(sorted)


def columns(points: list[tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """Each pixel column's lowest and highest y: what is drawn there."""
    drawn: dict[int, tuple[float, float]] = {}
    for x, y in points:
        low, high = drawn.get(round(x), (y, y))
        drawn[round(x)] = (min(low, y), max(high, y))
    return drawn


@given(line)
def test_a_thinned_line_draws_the_same_in_every_pixel_column(
    points: list[tuple[float, float]],
) -> None:
    kept = chart.thinned(points)
    assert columns(kept) == columns(points)
    assert kept[:1] == points[:1]  # it starts and ends where it did
    assert kept[-1:] == points[-1:]
    remaining = iter(points)
    assert all(point in remaining for point in kept)  # the line's own points, in its order
    assert len(kept) <= 4 * len(columns(points))


@given(st.lists(st.tuples(xs, ys), max_size=40, unique_by=lambda p: round(p[0])).map(sorted))
def test_a_line_with_a_point_a_column_is_kept_whole(points: list[tuple[float, float]]) -> None:
    assert chart.thinned(points) == points


markers = st.lists(
    st.tuples(xs, st.none() | st.integers(0, 100), st.integers(0, 100)), max_size=300
).map(lambda found: sorted(found, key=lambda marker: marker[0]))  # in order of x


@given(markers)
def test_gathered_markers_are_few_enough_to_tell_apart_and_count_every_one(
    found: list[tuple[float, int | None, int]],
) -> None:
    gathered = chart.gathered(found)
    stretches = (chart.WIDTH - chart.LEFT - chart.RIGHT) // chart.MARKER_SPACING
    if len(found) <= stretches:
        assert gathered == [chart.Gathered(*each, 1) for each in found]
        return
    assert len(gathered) <= stretches
    assert sum(each.count for each in gathered) == len(found)
    assert [each.x for each in gathered] == sorted(each.x for each in gathered)
    members = iter(found)
    for group in gathered:  # each stands for the next `count` markers, at their averages
        mine = [next(members) for _ in range(group.count)]
        assert max(m[0] for m in mine) - min(m[0] for m in mine) <= chart.MARKER_SPACING
        assert min(m[0] for m in mine) - 0.01 <= group.x <= max(m[0] for m in mine) + 0.01
        assert group.happened == pytest.approx(sum(m[2] for m in mine) / len(mine), abs=0.01)
        expected = [m[1] for m in mine if m[1] is not None]
        if expected:
            assert group.expected == pytest.approx(sum(expected) / len(expected), abs=0.01)
        else:
            assert group.expected is None


# --- The page --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_years_of_tests_read_month_by_month_with_their_averages(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner, feels=80)  # its first rating: 80 feels, 40 thinks true
    # Seventy finished tests, ten days apart: more than the table lists one by one, and more
    # than the chart's width has room for as separate dots.
    tests = [(10 * n + 1, 80 - n % 2 * 20, n % 3 * 10) for n in range(70)]
    for days_ago, likelihood, occurred in tests:
        an_experience(owner, expectation, likelihood=likelihood, occurred=occurred,
                      days_ago=days_ago)  # fmt: skip
    text = page(owner_client, f"/expectations/{expectation.pk}/")
    assert "The numbers behind the chart, month by month" in text
    assert "each pair of dots stands for those close together in time" in text
    assert text.count('class="chart__happened"') < 70

    # Each month's row, worked out here: how many, their averages, the month's latest rating.
    now = timezone.now()
    months: dict[str, list[tuple[int, int]]] = {}
    for days_ago, likelihood, occurred in tests:
        when = timezone.localtime(now - datetime.timedelta(days=days_ago))
        months.setdefault(f"{when:%b %Y}", []).append((likelihood, occurred))
    rated = f"{timezone.localtime(now):%b %Y}"
    months.setdefault(rated, [])
    assert text.count("<tr><td>") == len(months)
    for month, found in months.items():
        what = ", ".join(
            (["1 rating"] if month == rated else [])
            + ([f"{len(found)} experience{'' if len(found) == 1 else 's'}"] if found else [])
        )
        ratings = "<td>80</td><td>40</td>" if month == rated else "<td>—</td><td>—</td>"
        averages = "".join(
            f"<td>{round(sum(each[side] for each in found) / len(found))}</td>" if found
            else "<td>—</td>"
            for side in (0, 1)
        )  # fmt: skip
        assert f"<tr><td>{month}</td><td>{what}</td>{ratings}{averages}" in text

    # Still the ten newest listed under the chart, and the way to the rest.
    assert text.count('class="card record record--compact"') == 10
    assert "See all 70 in Experiences" in text


@pytest.mark.django_db
def test_a_few_tests_are_each_a_row_and_a_pair_of_dots(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    for n in range(20):
        an_experience(owner, expectation, likelihood=70, occurred=20, days_ago=n + 1)
    text = page(owner_client, f"/expectations/{expectation.pk}/")
    assert "stands for those close together" not in text
    assert text.count('class="chart__happened"') == 20
    assert "The numbers behind the chart</summary>" in text
    assert text.count("<tr><td>") == 21  # the rating and each experience


@pytest.mark.django_db
def test_the_table_goes_month_by_month_only_past_what_fits(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    for n in range(charts.MOST_ROWS - 1):  # with the first rating, as many rows as fit
        an_experience(owner, expectation, likelihood=70, occurred=20, days_ago=n + 1)
    text = page(owner_client, f"/expectations/{expectation.pk}/")
    assert text.count("<tr><td>") == charts.MOST_ROWS
    assert "month by month" not in text
    an_experience(owner, expectation, likelihood=70, occurred=20, days_ago=200)
    assert "The numbers behind the chart, month by month" in page(
        owner_client, f"/expectations/{expectation.pk}/"
    )


@pytest.mark.django_db
def test_months_on_a_chart_over_years_say_which_year(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    an_experience(owner, expectation, likelihood=70, occurred=20, days_ago=800)
    text = page(owner_client, f"/expectations/{expectation.pk}/")
    labels = re.findall(r'class="chart__label"[^>]*text-anchor="middle">([^<]+)<', text)
    assert labels
    assert all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", label) for label in labels)
