"""The text columns allowed to stay in clear, each with its reason.

A test walks every model and fails on any text column that is neither encrypted
(EncryptedTextField) nor listed here, so nothing new can be stored in clear by accident.
Numbers, dates, booleans, keys and choices are not text columns and stay in clear for analytics.
"""

CLEAR_TEXT = {
    # Accounts: needed before anyone's key is open (sign-in, invitations, the CLI).
    "accounts.User.password": "a one-way Argon2id hash, never the passphrase",
    "accounts.User.username": "the sign-in name, looked up before any key is open",
    "accounts.User.display_name": "shown by the CLI and to a server's operator",
    "accounts.User.timezone": "a choice from the time-zone list",
    "accounts.User.country": "a two-letter country code, for crisis lines",
    "accounts.User.theme": "a choice: system, light or dark",
    "accounts.User.role": "a choice: a person, or a practitioner",
    "accounts.DeviceSession.session_key": "a random identifier, needed to find the session",
    "accounts.DeviceSession.session_data": "signed session state; holds no entry text",
    "accounts.DeviceSession.device": "a short browser label such as 'Firefox on Linux'",
    "accounts.SignInLink.token_hash": "a SHA-256 hash of a one-time token",
    "accounts.SignInLink.purpose": "a choice: welcome or invitation",
    "accounts.SignInFailure.key_hash": "an HMAC of a name or address, never the name itself",
    # Django's own tables: names of models and permissions, never personal data.
    "auth.Group.name": "permission groups (unused); no personal data",
    "auth.Permission.name": "a permission's description, written by Django",
    "auth.Permission.codename": "a permission's code name, written by Django",
    "contenttypes.ContentType.app_label": "an app's name",
    "contenttypes.ContentType.model": "a model's name",
    # The working model and ledger: choices from our lists, for the charts. The person's own
    # words (own wound word, own emotion word, every description) are encrypted.
    "ledger.Expectation.wound": "a choice from our list of where an expectation comes from",
    "ledger.Expectation.counterpart": "a choice from our list of what would answer it",
    "ledger.Experience.status": "a choice: planned, draft or done",
    "ledger.Experience.context": "a choice: therapy, partner, friend, family, …",
    "ledger.Experience.window": "a choice: below, within or above the window of tolerance",
    "ledger.Experience.body_place": "a choice from our list of places in the body",
    "ledger.Experience.responses": "keys from our list of approach and avoidance responses",
    "ledger.Experience.explained_away": "a choice: no, partly or yes",
    "ledger.Emotion.word": "a key from our list of emotion words",
    # Daily rituals: choices from our lists; every note in the person's words is encrypted.
    "rituals.CheckIn.kind": "a choice: morning, mid-day or evening",
    "rituals.CheckIn.tension_place": "a choice from our list of places in the body",
    "rituals.CheckIn.emotions": "keys from our list of emotion words",
    "rituals.CheckIn.prediction_outcome": "a choice: happened, partly, did not, not sure",
    "rituals.Interaction.context": "a choice: therapy, partner, friend, family, …",
    # Reflection: the keys of our own prompts and scripts; what the person writes is encrypted.
    "reflection.JournalEntry.prompt": "a key from our list of journal prompts",
    "reflection.Imagery.script": "a key from our list of imagery scripts",
    # Practice: choices and keys from our own lists; every line the person writes is encrypted.
    "practice.Ladder.origin": "a choice: your own, or assigned",
    "practice.Step.origin": "a choice: your own, or assigned",
    "practice.Script.situation": "a choice from our list of situations (a need, a boundary, …)",
    "practice.Script.starter": "the key of one of our starter scripts, or empty",
    "practice.Script.origin": "a choice: your own, or assigned",
    "practice.Rehearsal.mode": "a choice: alone, in imagery, role-play with a therapist or group",
    # Relationships: choices from our lists; names and every note are encrypted.
    "relationships.Person.role": "a choice: partner, friend, family, …",
    "relationships.Presence.showed": "a choice: kept a promise, reached out, stayed",
    "relationships.Rupture.setting": "a choice: everyday life or therapy",
    "relationships.Rupture.kind": "a choice from our list of kinds of rupture",
    "relationships.Rupture.noticed_by": "a choice: I did, they did, both, someone else",
    "relationships.Repair.started_by": "a choice: I did, they did, both, someone else",
    "relationships.Repair.outcome": "a choice: repaired, partly, not yet",
    "measures.Response.instrument": "which questionnaire: a key from our list",
    "measures.Schedule.instrument": "which questionnaire: a key from our list",
    "measures.Questionnaire.instrument": "which questionnaire: a key from our list",
    # Search: the index holds keyed hashes of words (numbers), never the words.
    "search.Entry.kind": "which kind of record an entry of the index is: experiences, journal, …",
    # Privacy: the envelope is itself ciphertext, or parameters.
    "privacy.KeyEnvelope.kind": "a choice: passphrase or instance",
    "privacy.KeyEnvelope.wrapped_key": "the data key, encrypted (format 1)",
    "privacy.KeyEnvelope.salt": "a random salt for Argon2id",
}

# Every record a person owns carries its visibility: a choice (follow, private or shared).
_OWNED = {
    "ledger": ("Expectation", "Experience", "Tested", "Rating", "Emotion"),
    "rituals": ("CheckIn", "Interaction"),
    "reflection": ("Shift", "JournalEntry", "JournalLink", "JournalPerson", "Dialogue", "Turn",
                   "Imagery"),
    "practice": ("Ladder", "LadderLink", "Step", "Attempt", "Script", "Rehearsal"),
    "relationships": ("Person", "Safety", "Presence", "Rupture", "Repair"),
    "measures": ("Response", "Schedule", "Questionnaire"),
    "safety": ("SafetyPlan",),
}  # fmt: skip
CLEAR_TEXT |= {
    f"{app}.{model}.visibility": "a choice: as chosen for its kind, always private, or shared"
    for app, models in _OWNED.items()
    for model in models
}
# Care circles: who works with whom, what is shared, and what was read — never entry text.
CLEAR_TEXT |= {
    "circles.Invitation.code_hash": "a SHA-256 hash of a one-time code",
    "circles.Read.page": "a choice: which of the practitioner's pages was read",
    "circles.Read.record_kind": 'a choice: the kind of the entry read ("experiences")',
    "circles.Comment.entry_kind": "a choice: the kind of entry a comment is about",
    "circles.Assignment.kind": "a choice: what kind of thing is suggested",
    "circles.Assignment.about": "an id of the person's step or script, or a questionnaire's key",
    "circles.Assignment.prompt": "a key from our own list of journal questions",
    "circles.Assignment.entry_kind": "a choice: the kind of entry made from it",
    "circles.Session.status": "a choice: held, cancelled or missed",
    "circles.Session.noticed": "a choice: nothing, a rupture or a repair",
    "circles.Session.entry_kind": "a choice: the kind of entry it was noted as",
}
# Groups: who is in which group, and the codes that open one — never what anyone wrote.
CLEAR_TEXT |= {
    "groups.GroupInvitation.code_hash": "a SHA-256 hash of a one-time code",
    "groups.Share.entry_kind": "a choice: the kind of the entry shared",
    "groups.Exercise.kind": "a choice: what kind of exercise",
    "groups.Exercise.about": "a key of one of our journal questions, starter scripts or "
    "questionnaires",
    "groups.ExerciseDone.entry_kind": "a choice: the kind of entry it was done in",
    "groups.Meeting.status": "a choice: planned, held or cancelled",
}
# API access tokens: how to find one and check it — never the token itself.
CLEAR_TEXT |= {
    "api.AccessToken.prefix": "the token's random first characters, to find it by",
    "api.AccessToken.secret_hash": "a SHA-256 hash of the whole token",
    "api.AccessToken.wrapped_key": "the data key, encrypted under a key derived from the token "
    "(format 1)",
}
# Drafts: which form a draft belongs to. What the person typed into it is encrypted.
CLEAR_TEXT |= {
    "drafts.Draft.action": "the address of the form, such as /journal/new/ (ids, never words)",
}
# A file from another app waiting to be looked over: which app made it. What it holds is
# encrypted.
CLEAR_TEXT |= {
    "exchange.Arrival.app": "a choice: daylio, dayone, jrnl or journiv",
}
# The calendar feed: how to find a link and check it, and what each event said when a calendar
# last read it — never a word of an entry (the link's secret itself is encrypted).
CLEAR_TEXT |= {
    "earned_calendar.CalendarFeed.prefix": "the link's random first characters, to find it by",
    "earned_calendar.CalendarFeed.secret_hash": "a SHA-256 hash of the link's secret",
    "earned_calendar.CalendarFeed.wrapped_key": "the data key, encrypted under a key derived "
    "from the link's secret (format 1), only while events carry words",
    "earned_calendar.Published.uid": "an event's id: a kind and a record's id",
    "earned_calendar.Published.fingerprint": "a SHA-256 hash of what the event said",
}
