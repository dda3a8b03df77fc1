"""Reading other apps' exports (earned/core/other_apps.py): each app's file as it makes it, told
apart by its contents; every moment, its time, mood word and words; what stays behind counted;
a file that is not one of them refused in plain words."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import zipfile
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.core import other_apps
from earned.core.other_apps import NotReadable, in_pieces, mood_guesses, read

BERLIN = ZoneInfo("Europe/Berlin")

DAYLIO_CSV = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    '2024-05-02,2 May,Thursday,9:41 pm,rad,"friends | walk ",Dinner with Sam,'
    '"Said what I <b>needed</b>.<br>They listened &amp; stayed."\n'
    '2024-05-01,1 May,Wednesday,07:15,sleepy ,"","",""\n'
    '2024-04-30,30 April,Tuesday,12:00 PM,awful,"","",""\n'
    '2024-04-29,29 April,Monday,8:00 am,,"","",""\n'
)
DAYLIO_OLD_CSV = (
    "year,date,weekday,time,mood,activities,note\n"
    '2018,18 May,Friday,11:54 pm,happy,"clean | cook","Went to a party"\n'
)
JRNL = {
    "tags": {"@sam": 1},
    "entries": [
        {"title": "Called @sam.", "body": "It went better than I feared.", "date": "2023-01-05",
         "time": "20:30", "tags": ["@sam"], "starred": True},
        {"title": "A list", "body": "- tea\n- rest", "date": "2023-01-06", "time": "08:00",
         "tags": [], "starred": False},
    ],
}  # fmt: skip
DAY_ONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {"uuid": "A1", "creationDate": "2022-03-04T18:30:00Z", "timeZone": "Europe/Berlin",
         "text": "Felt seen today\\. Really\\!\n![](dayone-moment://0F3A)\n", "tags": ["repair"],
         "starred": True, "location": {"placeName": "Home"}, "weather": {"temperatureCelsius": 9},
         "photos": [{"identifier": "0F3A", "md5": "0" * 32, "type": "jpeg"}]},
        {"uuid": "A2", "creationDate": "2022-03-05T07:00:00Z", "text": ""},
    ],
}  # fmt: skip
JOURNIV_MOMENTS = {
    "export_version": "1.5",
    "journals": [{"title": "Daily", "created_at": "2025-01-01T00:00:00Z"}],
    "mood_definitions": [
        {"name": "calm", "category": "positive", "score": 4},
        {"name": "heavy", "category": "negative"},
    ],
    "moments": [
        {"logged_at_utc": "2025-02-01T09:00:00Z", "primary_mood_name": "calm", "note": "Tea.",
         "entry": {"title": "Morning", "content_delta": {"ops": [{"insert": "Slept well.\n"}]}},
         "media": [{"file_path": "a.jpg"}], "is_pinned": True},
        {"logged_at_utc": "2025-02-02T21:00:00", "primary_mood_name": "heavy"},
    ],
}  # fmt: skip
JOURNIV_JOURNALS = {
    "export_version": "1.1",
    "journals": [{"title": "Daily", "entries": [
        {"title": "Old one", "content": "Written in 2024.", "entry_datetime_utc":
         "2024-06-01T10:00:00Z", "mood_log": {"mood_name": "good", "note": "mostly"},
         "latitude": 52.5},
    ]}],
}  # fmt: skip


def zipped(files: dict[str, object]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content if isinstance(content, bytes) else json.dumps(content))
    return out.getvalue()


def test_daylio_each_moment_at_its_local_time_with_mood_note_and_activities() -> None:
    found = read(DAYLIO_CSV.encode(), BERLIN)
    assert found.app == "daylio"
    first, second, third = found.moments
    assert first.at == datetime.datetime(2024, 5, 2, 21, 41, tzinfo=BERLIN)
    assert first.mood == "rad"
    assert first.text == (
        "Dinner with Sam\n\nSaid what I needed.\nThey listened & stayed.\n\n"
        "Activities: friends, walk"
    )
    assert (second.at.hour, second.at.minute, second.mood, second.text) == (7, 15, "sleepy", "")
    assert third.at.hour == 12
    assert third.mood == "awful"
    assert found.left_behind["empty"] == 1  # the row with neither mood nor words


def test_daylios_older_export_without_full_dates_or_titles() -> None:
    (moment,) = read(DAYLIO_OLD_CSV.encode(), BERLIN).moments
    assert moment.at == datetime.datetime(2018, 5, 18, 23, 54, tzinfo=BERLIN)
    assert moment.text == "Went to a party\n\nActivities: clean, cook"


def test_jrnl_entries_joined_as_written_in_the_journals_own_time() -> None:
    found = read(json.dumps(JRNL).encode(), BERLIN)
    assert found.app == "jrnl"
    assert [m.text for m in found.moments] == [
        "Called @sam. It went better than I feared.",
        "A list\n- tea\n- rest",
    ]
    assert found.moments[0].at == datetime.datetime(2023, 1, 5, 20, 30, tzinfo=BERLIN)
    assert found.left_behind["stars"] == 1


def test_day_one_zip_every_journal_its_text_unescaped_and_pictures_counted() -> None:
    second_journal = {"entries": [{"creationDate": "2021-01-01T00:00:00Z", "text": "Other"}]}
    data = zipped({"Journal.json": DAY_ONE, "Work.json": second_journal,
                   "photos/0f3a.jpeg": b"\xff\xd8"})  # fmt: skip
    found = read(data, BERLIN)
    assert found.app == "dayone"
    texts = sorted(m.text for m in found.moments)
    assert texts == ["Felt seen today. Really!\n\nTags: repair", "Other"]
    assert found.left_behind == {
        "photos": 1, "places": 1, "weather": 1, "stars": 1, "empty": 1
    }  # fmt: skip
    moment = next(m for m in found.moments if m.text.startswith("Felt"))
    assert moment.at == datetime.datetime(2022, 3, 4, 18, 30, tzinfo=datetime.UTC)


def test_journiv_moments_and_older_journals_with_their_own_mood_scale() -> None:
    found = read(zipped({"data.json": JOURNIV_MOMENTS, "media/a.jpg": b"x"}), BERLIN)
    assert found.app == "journiv"
    first, second = found.moments
    assert (first.mood, first.text) == ("calm", "Tea.\n\nMorning\n\nSlept well.")
    assert second.at == datetime.datetime(2025, 2, 2, 21, tzinfo=datetime.UTC)  # no zone: UTC
    assert found.mood_scale == {"calm": 2, "heavy": -2}
    assert found.left_behind["photos"] == 1
    assert found.left_behind["stars"] == 1
    (old,) = read(json.dumps(JOURNIV_JOURNALS).encode(), BERLIN).moments
    assert (old.mood, old.text) == ("good", "Old one\n\nWritten in 2024.\n\nmostly")


def test_mood_words_offered_as_numbers_most_used_first_and_unknown_ones_without() -> None:
    found = read(DAYLIO_CSV.encode() + b'2024-04-28,,,10:00,rad,"","",""\n', BERLIN)
    assert mood_guesses(found) == [("rad", 2, 4), ("sleepy", 1, None), ("awful", 1, -4)]
    journiv = read(json.dumps(JOURNIV_MOMENTS).encode(), BERLIN)
    assert {w: g for w, _, g in mood_guesses(journiv)} == {"calm": 2, "heavy": -2}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "could not tell which app"),
        (b"hello, world\n", "could not tell which app"),
        (b"\xff\xfe\x00h", "not UTF-8"),
        (b'{"entries": [', "breaks off"),
        (b'{"entries": []}', "holds no entries"),
        (b'{"format": "earned-export", "records": {}}', "Settings → Your data → Import"),
        (b"PK\x03\x04broken", "damaged"),
        (zipped({"photos/a.jpg": b"x"}), "no journal Earned reads"),
        (zipped({"data.json": b"{oops"}), "data.json in the zip is not JSON"),
        (b"full_date,time,mood\n2024-13-40,10:00,good\n", "Line 2 of the CSV has a date"),
        (b"full_date,time,mood\n2024-01-04,25 o'clock,good\n", "Line 2 of the CSV has a time"),
        (json.dumps({"entries": [{"date": "soon", "body": "x"}]}).encode(), "jrnl entry 1"),
        (json.dumps({"entries": [{"creationDate": "when", "text": "x"}]}).encode(), "Day One"),
        (json.dumps({"moments": [{"note": "x"}]}).encode(), "Journiv moment 1"),
    ],
)
def test_what_is_not_an_export_it_reads_is_refused_kindly(data: bytes, says: str) -> None:
    with pytest.raises(NotReadable, match=says):
        read(data, BERLIN)


def test_a_zip_that_would_unpack_past_the_limit_is_refused_unread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(other_apps, "MOST_BYTES", 100)
    with pytest.raises(NotReadable, match="more than Earned reads"):
        read(zipped({"Journal.json": {"entries": [], "padding": "x" * 200}}), BERLIN)


@given(st.text(min_size=1, max_size=400), st.integers(min_value=1, max_value=60))
def test_long_words_come_in_pieces_each_within_the_limit_and_nothing_lost(
    text: str, limit: int
) -> None:
    pieces = in_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces)


@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=30), max_size=5))
def test_daylio_notes_come_back_as_written(notes: list[str]) -> None:
    """Whatever a note holds (quotes, commas, new lines), it comes in as the person wrote it,
    tidied only of its ends, NUL characters and Windows line breaks."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["full_date", "time", "mood", "activities", "note_title", "note"])
    for day, note in enumerate(notes, start=1):
        writer.writerow([f"2024-01-{day:02d}", "10:00", "good", "", "", note.replace("<", "")])
    found = read(out.getvalue().encode(), BERLIN)
    tidy = [
        html.unescape(n.replace("<", "")).replace("\r\n", "\n").replace("\r", "\n") for n in notes
    ]
    assert [m.text for m in found.moments] == [n.replace("\x00", "").strip() for n in tidy]
