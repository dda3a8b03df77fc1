"""Insights through the pages a person uses: the progress page, the map, patterns and the
report — computed from their own records only, in a bounded number of queries."""

from __future__ import annotations

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pypdfium2  # type: ignore[import-untyped]  # no type hints published
import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import localize

from earned.accounts.models import User
from earned.insights import gathering, services
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.privacy import keyring, keys
from earned.reflection.models import Shift
from earned.relationships import services as relationships
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals.models import CheckIn
from earned.rituals.services import day_of
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for

pytestmark = pytest.mark.django_db


def expectation(owner: User, text: str, feels: int = 80, think: int = 40) -> Expectation:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return ledger.add_expectation(owner, text, feels_true=feels, think_true=think)


def person(owner: User, name: str) -> Person:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return relationships.save_person(owner, Person(name=name, role="friend"))


def experience(
    owner: User,
    days_ago: int,
    *,
    likelihood: int = 80,
    occurred: int = 10,
    peak: int = 30,
    window: str = "within",
    felt: bool | None = True,
    context: str = "friend",
    responses: str = "shared",
    explained_away: str = "no",
    tests: tuple[Expectation, ...] = (),
    who: Person | None = None,
) -> Experience:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return ledger.save_experience(
            owner,
            Experience(
                happens_at=timezone.now() - datetime.timedelta(days=days_ago),
                situation="Asking for help", happened="They helped", likelihood=likelihood,
                occurred=occurred,
                peak_distress=peak, window=window, felt=felt, context=context,
                responses=responses, explained_away=explained_away, person=who,
                status=Experience.Status.DONE,
            ),
            expectations=list(tests),
            finish=True,
        )  # fmt: skip


def test_an_empty_space_says_what_will_appear(owner_client: Client) -> None:
    text = page(owner_client, "/insights/")
    assert "When you name an old expectation and rate it" in text
    assert "No debriefed experiences in this period yet." in text
    assert "Nothing stands out in this period." in text
    assert "The map fills in once" in page(owner_client, "/insights/map/")


def test_progress_reads_the_period_in_plain_words(owner_client: Client, owner: User) -> None:
    needs = expectation(owner, "If I ask for help, people leave.", feels=85)
    calm = expectation(owner, "Nobody notices me.", feels=40)
    for days_ago in (2, 9, 16):
        experience(owner, days_ago, tests=(needs,))
    experience(owner, 20, likelihood=30, occurred=70, responses="withdrew", tests=(calm,))
    experience(owner, 200, likelihood=10, occurred=90)  # outside the last three months
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        Shift.objects.create(owner=owner, signal="s", verdict="v", reading_1="a", reading_2="b")
    CheckIn.objects.create(owner=owner, kind="morning", day=day_of(owner), mood=3, energy=6)

    text = page(owner_client, "/insights/")
    assert "More often than not, things went better than you feared." in text
    assert "You moved towards people more often than you protected yourself." in text
    assert "You looked again at a first reading once." in text
    assert "Your mood averaged +3.0 on the scale from -5 to +5." in text
    # The widest gap between feeling and evidence comes first, each linking to its page.
    assert text.index("If I ask for help, people leave.") < text.index("Nobody notices me.")
    assert f'href="/expectations/{needs.pk}/"' in text
    # Everything: the old experience now counts too, and the heading says which period.
    everything = page(owner_client, "/insights/?period=all")
    assert '<a href="?period=all" aria-current="true">Everything</a>' in everything
    assert "month by month" not in everything  # seven months is still drawn week by week
    # An unknown period is the default, not an error.
    assert '<a href="?period=3m" aria-current="true">' in page(owner_client, "/insights/?period=x")


def test_a_quiet_week_is_left_out_of_the_table_not_counted_as_zero(
    owner_client: Client, owner: User
) -> None:
    experience(owner, 1, likelihood=70, occurred=20)
    experience(owner, 15, likelihood=70, occurred=40)
    text = page(owner_client, "/insights/?period=4w")
    table = text[text.index('aria-label="Better or harder than feared: the numbers"') :]
    table = table[: table.index("</table>")]
    assert table.count("<tr><td>") == 2
    assert "+50" in table
    assert "+30" in table


def test_others_records_never_count(owner_client: Client, owner: User, other_client: User) -> None:
    experience(other_client, 3, likelihood=10, occurred=100, window="above")
    experience(other_client, 4, likelihood=10, occurred=100, window="above")
    experience(other_client, 5, likelihood=10, occurred=100, window="above")
    theirs = person(other_client, "Their Jo")
    experience(other_client, 6, who=theirs)
    text = page(owner_client, "/insights/")
    assert "No debriefed experiences in this period yet." in text
    assert "Several experiences went past what you could bear" not in text
    assert "Their Jo" not in page(owner_client, "/insights/map/")


def test_the_pages_take_the_same_few_queries_however_much_is_recorded(
    owner_client: Client, owner: User
) -> None:
    needs = expectation(owner, "If I ask, they leave.")
    jo = person(owner, "Jo")
    experience(owner, 2, tests=(needs,), who=jo)
    few = [queries_for(owner_client, url) for url in ("/insights/", "/insights/map/")]
    more = expectation(owner, "They will be angry.")
    priya = person(owner, "Priya")
    for days_ago in range(3, 40, 2):
        experience(owner, days_ago, tests=(needs, more), who=priya if days_ago % 3 else jo)
    many = [queries_for(owner_client, url) for url in ("/insights/", "/insights/map/")]
    assert many == few
    assert max(many) <= 20


def test_the_map_places_company_and_people_in_gentle_quadrants(
    owner_client: Client, owner: User
) -> None:
    jo = person(owner, "Jo")
    for days_ago in (1, 2, 3):
        experience(owner, days_ago, context="partner", peak=20, who=jo)
    experience(owner, 4, context="family", peak=85, likelihood=40, occurred=90)
    text = page(owner_client, "/insights/map/")
    list_view = text[text.index("The same, as a list") :]
    assert (
        list_view.index("Safe zones") < list_view.index("Partner") < list_view.index("Hard places")
    )
    assert list_view.index("Hard places") < list_view.index("Family")
    assert f'href="/people/{jo.pk}/"' in list_view
    assert 'Jo</a> <span class="meta">· 3 experiences · peak distress 20 on average' in text
    assert 'href="/experiences/?context=family"' in text


def test_patterns_are_offered_with_a_link_and_a_gentle_prompt(
    owner_client: Client, owner: User
) -> None:
    mum = person(owner, "Mum")
    watched = expectation(owner, "People only pretend to care.")
    for days_ago in (2, 5, 8):
        experience(owner, days_ago, likelihood=60, occurred=80, who=mum, felt=False,
                   window="above", tests=(watched,))  # fmt: skip
    text = page(owner_client, "/insights/")
    assert "With Mum, the old expectation keeps coming true" in text
    assert "In 3 of 3 experiences with them, what you feared mostly happened." in text
    assert f'href="/people/{mum.pk}/"' in text
    assert "“People only pretend to care.” has only been watched from the outside" in text
    assert "Several experiences went past what you could bear" in text
    assert "/experiences/?window=above&amp;since=" in text
    assert "diagnos" in text  # "They are not a diagnosis"
    # The link it gives shows exactly those experiences.
    ledger_page = page(owner_client, "/experiences/?window=above")
    assert ledger_page.count('class="card record') == 3


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def test_the_report_is_a_pdf_that_says_what_it_is(owner_client: Client, owner: User) -> None:
    needs = expectation(owner, "If I ask for help, people leave.")
    jo = person(owner, "Jo")
    for days_ago in (2, 9):
        experience(owner, days_ago, tests=(needs,), who=jo)
    text = page(owner_client, "/insights/report/")
    assert "nothing is sent anywhere" in text
    today = timezone.localdate()
    response = owner_client.get(
        "/insights/report/",
        {"first": str(today - datetime.timedelta(days=30)), "last": str(today),
         "sections": ["model", "map"]},
    )  # fmt: skip
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="earned-report-')
    assert "no-store" in response["Cache-Control"]
    words = pdf_text(response.content)
    assert "Self-tracking summary" in words
    assert "What Sam noted for themselves in Earned" in words
    assert "not an assessment" in words
    assert "If I ask for help, people leave." in words
    assert "Jo" in words
    assert "Progress, week by week" not in words  # a part left out stays out
    assert "Patterns worth reflecting on" not in words


def test_a_report_with_dates_the_wrong_way_round_is_refused_kindly(owner_client: Client) -> None:
    response = owner_client.get(
        "/insights/report/", {"first": "2026-11-20", "last": "2026-11-01", "sections": ["model"]}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The end date comes before the start date." in text
    assert 'value="2026-11-20"' in text
    response = owner_client.get("/insights/report/", {"first": "2026-11-01", "last": "2026-11-20"})
    assert "Choose at least one part to include." in response.content.decode()


def test_insights_need_signing_in(client: Client) -> None:
    for url in ("/insights/", "/insights/map/", "/insights/report/"):
        assert client.get(url)["Location"].startswith("/sign-in/")


def test_repairs_and_their_wait_are_read_in_words(owner_client: Client, owner: User) -> None:
    jo = person(owner, "Jo")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        rupture = relationships.save_rupture(
            owner, Rupture(person=jo, at=timezone.now() - datetime.timedelta(days=3),
                           kind="quiet", intensity=2),
        )  # fmt: skip
        relationships.save_repair(
            owner, Repair(rupture=rupture, at=rupture.at + datetime.timedelta(hours=5), what="Hi")
        )
    assert (
        "You or they tried to repair once; the first attempt usually came about 5 hours after."
        in page(owner_client, "/insights/")
    )


def test_better_than_feared_means_the_same_in_every_sentence(
    owner_client: Client, owner: User
) -> None:
    # Small improvements: the explaining-away question is asked only after a clear one.
    for days_ago in (2, 5, 9):
        experience(owner, days_ago, likelihood=60, occurred=50, explained_away="")
    text = page(owner_client, "/insights/")
    assert "More often than not, things went better than you feared." in text
    assert "No experience went better than feared" not in text
    assert "Things went better than feared 3 times; whether part of you explained it" in text


def test_each_experience_counts_on_the_day_it_was_lived_in_the_persons_own_zone(
    owner: User,
) -> None:
    # Auckland, across the night its clocks go back (5 April 2026, 03:00 → 02:00): before the
    # day turns at 04:00 an experience still belongs to the day before, on either side.
    owner.timezone = "Pacific/Auckland"
    owner.save(update_fields=["timezone"])
    zone = ZoneInfo("Pacific/Auckland")
    lived = {
        datetime.datetime(2026, 4, 4, 3, 59, tzinfo=zone): datetime.date(2026, 4, 3),
        datetime.datetime(2026, 4, 4, 4, 0, tzinfo=zone): datetime.date(2026, 4, 4),
        datetime.datetime(2026, 4, 5, 3, 30, tzinfo=zone): datetime.date(2026, 4, 4),
        datetime.datetime(2026, 4, 6, 0, 30, tzinfo=zone): datetime.date(2026, 4, 5),
        datetime.datetime(2026, 4, 6, 4, 0, tzinfo=zone): datetime.date(2026, 4, 6),
    }
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for moment in lived:
            ledger.save_experience(
                owner,
                Experience(happens_at=moment, situation="A call", happened="Fine", likelihood=70,
                           occurred=20,
                           status=Experience.Status.DONE),
                finish=True,
            )  # fmt: skip
    chosen = gathering.Period(datetime.date(2026, 4, 1), datetime.date(2026, 4, 10))
    found = gathering.records(owner, chosen)
    assert [e.day for e in found.experiences] == list(lived.values())


def test_charts_keep_their_numbers_readable_to_the_browser_in_any_locale(
    owner_client: Client, owner: User
) -> None:
    # Where a decimal comma is usual, an SVG coordinate written "12,5" would break the chart.
    for days_ago in (2, 9, 16):
        experience(owner, days_ago, likelihood=70, occurred=25)
    with translation.override("de"):
        assert localize(12.5) == "12,5"  # the locale is really active
        text = page(owner_client, "/insights/")
    charts = re.findall(r"<svg.*?</svg>", text, re.S)
    assert charts
    placed = [re.findall(r'\s(?:x|y|cx|cy|x1|x2|y1|y2|width|height)="([^"]*)"', c) for c in charts]
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", at) for each in placed for at in each), placed


def test_the_page_reads_the_evidence_of_every_period_and_the_patterns_of_its_own(
    owner: User,
) -> None:
    # One query adds up the tests for both: the working model's evidence counts every finished
    # experience, the patterns only the period's.
    watched = expectation(owner, "People get bored of me.", feels=70)
    for days_ago in (3, 10, 17):
        experience(owner, days_ago, felt=False, likelihood=70, occurred=10, tests=(watched,))
    experience(owner, 200, felt=True, likelihood=90, occurred=80, tests=(watched,))
    experience(owner, 400, window="above", occurred=0, tests=(watched,))
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        found = services.insights(owner, gathering.period(owner, "4w"))
        everything = services.insights(owner, gathering.period(owner, "all"))
    alone = gathering.working_model(owner)
    assert [b.evidence.mean for b in found.beliefs] == pytest.approx(
        [b.evidence.mean for b in alone]
    )
    assert found.beliefs[0].tested == alone[0].tested == 5
    # Felt once, long ago: in the last four weeks it was only watched from the outside.
    assert [p.title for p in found.patterns] == [
        "“People get bored of me.” has only been watched from the outside"
    ]
    assert not everything.patterns
