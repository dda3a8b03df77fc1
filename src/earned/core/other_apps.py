"""Reading what other journal and mood apps export: Daylio's CSV, Day One's JSON (in the zip
it makes), jrnl's JSON and Journiv's zip.

Pure: the file's bytes in; out, each moment the file holds — when it was, the mood word the app
gave it, the words written — and what the file holds that Earned does not keep, counted. Which
app made a file is told from the file itself. Nothing here decides what a mood word is worth:
`mood_guesses` offers a number for each, and the person chooses.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

APPS = {"daylio": "Daylio", "dayone": "Day One", "jrnl": "jrnl", "journiv": "Journiv"}
MOST_BYTES = 200 * 1024 * 1024  # what a zip may unpack to: ten years of words are far less


class NotReadable(ValueError):
    """The file is not one of the exports Earned reads; the message says why, kindly."""


@dataclass(frozen=True)
class Moment:
    at: datetime.datetime  # aware
    mood: str = ""  # the app's own word for the mood ("rad", "meh"), or nothing
    text: str = ""  # what was written, as plain text, or nothing


@dataclass
class Found:
    app: str  # a key of APPS
    moments: list[Moment]
    # What the file holds that Earned does not keep, by kind ("photos": 12): see LEFT_BEHIND.
    left_behind: Counter[str] = field(default_factory=Counter)
    # The app's own numbers for its mood words, where the file gives them (Journiv does).
    mood_scale: dict[str, int] = field(default_factory=dict)


# Each kind of thing left behind, as one and as many.
LEFT_BEHIND = {
    "photos": ("photo or other attachment", "photos and other attachments"),
    "places": ("place", "places"),
    "weather": ("weather note", "weather notes"),
    "stars": ("star or pin", "stars and pins"),
    "empty": ("moment with no mood or words", "moments with no mood or words"),
}


def read(data: bytes, zone: ZoneInfo) -> Found:
    """Every moment in an export of one of APPS, told apart by its contents. `zone` is the
    person's: the times that Daylio and jrnl write carry none."""
    if data.startswith(b"PK"):
        return _read_zip(data)
    text = _decoded(data)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            document = json.loads(text)
        except ValueError:
            raise NotReadable("The file looks like JSON but breaks off or is damaged.") from None
        return _read_json(document, zone)
    first_line = stripped.partition("\n")[0].lower()
    if "mood" in first_line and "date" in first_line:
        return _read_daylio(text, zone)
    raise NotReadable(
        "Earned could not tell which app made this file. It reads Daylio's CSV export, "
        "Day One's JSON export (the zip), jrnl's JSON export and Journiv's export (the zip)."
    )


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotReadable("The file is not text Earned can read (it is not UTF-8).") from None


def _read_zip(data: bytes) -> Found:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
        if sum(info.file_size for info in members) > MOST_BYTES:
            raise NotReadable("The zip unpacks to more than Earned reads at once (200 MB).")
        names = [info.filename for info in members]
        if "data.json" in names:
            return _read_journiv(_json_in(archive, "data.json"))
        journals = [name for name in names if name.lower().endswith(".json") and "/" not in name]
        if not journals:
            raise NotReadable("This zip holds no journal Earned reads (no JSON file at its top).")
        found = Found("dayone", [])
        for name in sorted(journals):
            part = _read_dayone(_json_in(archive, name))
            found.moments += part.moments
            found.left_behind += part.left_behind
        return found
    except zipfile.BadZipFile:
        raise NotReadable("The zip file is damaged: it could not be opened.") from None


def _json_in(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        return json.loads(_decoded(archive.read(name)))
    except ValueError:
        raise NotReadable(f"{name} in the zip is not JSON Earned can read.") from None


def _read_json(document: Any, zone: ZoneInfo) -> Found:
    if isinstance(document, dict) and ("journals" in document or "moments" in document):
        return _read_journiv(document)
    entries = document.get("entries") if isinstance(document, dict) else None
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        if "creationDate" in entries[0]:
            return _read_dayone(document)
        if "date" in entries[0] and ("body" in entries[0] or "title" in entries[0]):
            return _read_jrnl(entries, zone)
    if isinstance(entries, list) and not entries:
        raise NotReadable("This export holds no entries.")
    raise NotReadable(
        "This JSON is not an export Earned reads from another app (jrnl, Day One or Journiv). "
        "An Earned export comes in under Settings → Your data → Import."
    )


# --- Daylio -----------------------------------------------------------------------------------

DAYLIO_TIMES = ("%I:%M %p", "%H:%M", "%H:%M:%S", "%I:%M:%S %p")


def _read_daylio(text: str, zone: ZoneInfo) -> Found:
    """Daylio's CSV: full_date, date, weekday, time, mood, activities, note_title, note (older
    exports: year, date as "18 May", … and no title)."""
    rows = csv.DictReader(io.StringIO(text))
    columns = {name.strip().lower() for name in rows.fieldnames or ()}
    if "mood" not in columns or "time" not in columns:
        raise NotReadable("This CSV is not a Daylio export: it has no mood or time column.")
    moments: list[Moment] = []
    left_behind: Counter[str] = Counter()
    for number, raw in enumerate(rows, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
        at = _daylio_moment(row, zone, number)
        activities = [part.strip() for part in row.get("activities", "").split("|")]
        words = [
            row.get("note_title", ""),
            _plain(row.get("note", "")),
            "Activities: " + ", ".join(a for a in activities if a) if any(activities) else "",
        ]
        moment = Moment(at, row.get("mood", ""), "\n\n".join(w for w in words if w))
        _keep(moment, moments, left_behind)
    return Found("daylio", moments, left_behind)


def _daylio_moment(row: Mapping[str, str], zone: ZoneInfo, number: int) -> datetime.datetime:
    try:
        if row.get("full_date"):
            day = datetime.date.fromisoformat(row["full_date"])
        else:
            day = datetime.datetime.strptime(f"{row['date']} {row['year']}", "%d %B %Y").date()
    except (KeyError, ValueError):
        raise NotReadable(f"Line {number} of the CSV has a date Earned cannot read.") from None
    for pattern in DAYLIO_TIMES:
        try:
            time = datetime.datetime.strptime(row.get("time", "").upper(), pattern).time()
        except ValueError:
            continue
        return datetime.datetime.combine(day, time, zone)
    raise NotReadable(f"Line {number} of the CSV has a time Earned cannot read.")


# --- Day One ----------------------------------------------------------------------------------

DAYONE_MEDIA = re.compile(r"!\[[^\]]*\]\(dayone-moment:[^)]*\)\n?")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def _read_dayone(document: Any) -> Found:
    """A journal of Day One's JSON export: {"metadata", "entries": [{"creationDate" (UTC),
    "text" (Markdown, punctuation escaped, pictures as dayone-moment links), "tags", …}]}."""
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise NotReadable("This Day One file has no list of entries.")
    moments: list[Moment] = []
    left_behind: Counter[str] = Counter()
    for number, entry in enumerate(entries, start=1):
        at = _instant(entry.get("creationDate") if isinstance(entry, dict) else None)
        if at is None:
            raise NotReadable(f"Day One entry {number} has no date Earned can read.")
        text = str(entry.get("text") or "")
        media = sum(len(entry.get(kind) or ()) for kind in ("photos", "videos", "audios", "pdfs"))
        left_behind["photos"] += max(media, len(DAYONE_MEDIA.findall(text)))
        left_behind["places"] += bool(entry.get("location"))
        left_behind["weather"] += bool(entry.get("weather"))
        left_behind["stars"] += bool(entry.get("starred") or entry.get("isPinned"))
        text = MARKDOWN_ESCAPE.sub(r"\1", DAYONE_MEDIA.sub("", text))
        tags = [str(tag) for tag in entry.get("tags") or () if str(tag).strip()]
        if tags:
            text = f"{text.rstrip()}\n\nTags: {', '.join(tags)}"
        _keep(Moment(at, "", text), moments, left_behind)
    return Found("dayone", moments, left_behind)


# --- jrnl -------------------------------------------------------------------------------------


def _read_jrnl(entries: list[Any], zone: ZoneInfo) -> Found:
    """jrnl's `--export json`: {"tags": {…}, "entries": [{"title", "body", "date" (YYYY-MM-DD),
    "time" (HH:MM), "tags", "starred"}]}, in the journal's own (local) time. Its tags are words
    in the text, so they come with it."""
    moments: list[Moment] = []
    left_behind: Counter[str] = Counter()
    for number, entry in enumerate(entries, start=1):
        try:
            day = datetime.date.fromisoformat(str(entry["date"]))
            time = datetime.time.fromisoformat(str(entry.get("time") or "09:00"))
        except (KeyError, TypeError, ValueError):
            raise NotReadable(f"jrnl entry {number} has a date Earned cannot read.") from None
        title = str(entry.get("title") or "").strip()
        body = str(entry.get("body") or "").strip()
        # jrnl splits an entry after its first sentence; a title without one ended a line.
        joiner = " " if title.endswith((".", "!", "?", ":")) else "\n"
        text = joiner.join(part for part in (title, body) if part)
        left_behind["stars"] += bool(entry.get("starred"))
        _keep(Moment(datetime.datetime.combine(day, time, zone), "", text), moments, left_behind)
    return Found("jrnl", moments, left_behind)


# --- Journiv ----------------------------------------------------------------------------------


def _read_journiv(document: Any) -> Found:
    """Journiv's export (data.json in its zip): its newer timeline of `moments`, each with an
    optional entry, or its earlier `journals` of entries, each with an optional mood log."""
    if not isinstance(document, dict):
        raise NotReadable("This Journiv file is not an export Earned can read.")
    moments: list[Moment] = []
    left_behind: Counter[str] = Counter()
    for number, item in enumerate(_records(document.get("moments")), start=1):
        at = _instant(item.get("logged_at_utc") or item.get("logged_at"))
        if at is None:
            raise NotReadable(f"Journiv moment {number} has no time Earned can read.")
        _journiv_leftovers(item, left_behind)
        words = [item.get("note") or "", _journiv_text(_mapping(item.get("entry")))]
        mood = str(item.get("primary_mood_name") or "")
        _keep(Moment(at, mood, _joined(words)), moments, left_behind)
    for journal in _records(document.get("journals")):
        for number, entry in enumerate(_records(journal.get("entries")), start=1):
            at = _instant(entry.get("entry_datetime_utc") or entry.get("created_at"))
            if at is None:
                raise NotReadable(f"Journiv entry {number} has no time Earned can read.")
            _journiv_leftovers(entry, left_behind)
            mood_log = _mapping(entry.get("mood_log"))
            words = [_journiv_text(entry), mood_log.get("note") or ""]
            mood = str(mood_log.get("mood_name") or "")
            _keep(Moment(at, mood, _joined(words)), moments, left_behind)
    scale = {}
    for definition in _records(document.get("mood_definitions")):
        name = str(definition.get("name", "")).lower()
        score, category = definition.get("score"), definition.get("category")
        if isinstance(score, int) and 1 <= score <= 5:
            scale[name] = (score - 3) * 2
        elif category in JOURNIV_CATEGORIES:
            scale[name] = JOURNIV_CATEGORIES[category]
    return Found("journiv", moments, left_behind, scale)


JOURNIV_CATEGORIES = {"positive": 2, "neutral": 0, "negative": -2}


def _records(value: Any) -> Iterator[dict[str, Any]]:
    """The objects of a JSON list (nothing, if it is not one)."""
    return (item for item in (value if isinstance(value, list) else ()) if isinstance(item, dict))


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _journiv_text(entry: Mapping[str, Any]) -> str:
    text = entry.get("content_plain_text") or entry.get("content")
    if not text and isinstance(entry.get("content_delta"), dict):
        ops = entry["content_delta"].get("ops") or ()
        text = "".join(op["insert"] for op in ops
                       if isinstance(op, dict) and isinstance(op.get("insert"), str))  # fmt: skip
    return _joined([entry.get("title") or "", str(text or "")])


def _journiv_leftovers(item: Mapping[str, Any], left_behind: Counter[str]) -> None:
    left_behind["photos"] += len(item.get("media") or ())
    left_behind["places"] += bool(item.get("location_json") or item.get("latitude"))
    left_behind["weather"] += bool(item.get("weather_json") or item.get("weather_summary"))
    left_behind["stars"] += bool(item.get("is_pinned"))


# --- Shared -----------------------------------------------------------------------------------


def _instant(value: Any) -> datetime.datetime | None:
    """An ISO 8601 moment ("2020-01-01T10:00:00Z"); one without a zone is taken as UTC, as
    both apps that write these mean it."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


HTML_BREAK = re.compile(r"<br\s*/?>|</p>|</li>|</div>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^>]+>")


def _plain(note: str) -> str:
    """Daylio's note as plain text (it may hold a little HTML: <br>, <b>, lists)."""
    if "<" not in note and "&" not in note:
        return note
    return html.unescape(HTML_TAG.sub("", HTML_BREAK.sub("\n", note))).strip()


def _joined(words: Iterable[str]) -> str:
    return "\n\n".join(part.strip() for part in words if part and part.strip())


def _keep(moment: Moment, moments: list[Moment], left_behind: Counter[str]) -> None:
    """Keep a moment with something in it, its text tidied; count one with nothing."""
    text = moment.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if not text and not moment.mood.strip():
        left_behind["empty"] += 1
        return
    moments.append(Moment(moment.at, moment.mood.strip(), text))


# --- What a mood word is worth ------------------------------------------------------------------

# Common mood words, on Earned's scale (−5 very low … +5 very good). Daylio's five are rad,
# good, meh, bad and awful; its older exports and other apps use the rest.
MOOD_WORDS = {
    4: ("rad", "amazing", "awesome", "great", "excellent", "fantastic", "wonderful", "ecstatic"),
    2: ("good", "happy", "content", "calm", "grateful", "relaxed", "hopeful", "excited", "proud"),
    0: ("meh", "okay", "ok", "average", "neutral", "fine", "so-so", "alright"),
    -2: ("bad", "sad", "down", "low", "anxious", "stressed", "worried", "angry", "lonely",
         "frustrated", "upset", "tired", "fugly"),
    -4: ("awful", "horrible", "terrible", "miserable", "devastated", "hopeless"),
}  # fmt: skip
KNOWN_MOODS = {word: value for value, words in MOOD_WORDS.items() for word in words}


def mood_guesses(found: Found) -> list[tuple[str, int, int | None]]:
    """Each mood word in the file, most used first: (word, how often, Earned's guess at its
    number or None when it has none)."""
    counts = Counter(moment.mood for moment in found.moments if moment.mood)
    return [
        (word, count, found.mood_scale.get(word.lower(), KNOWN_MOODS.get(word.lower())))
        for word, count in counts.most_common()
    ]


def in_pieces(text: str, limit: int) -> list[str]:
    """Text longer than `limit` as consecutive pieces of at most `limit` characters, each cut
    at the last line break (else space) before the limit where there is one."""
    pieces = []
    while len(text) > limit:
        cut = max(text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text or not pieces else pieces
