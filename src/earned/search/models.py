"""The search index: a keyed blind index of the words in a person's entries.

Each indexed record has one `Entry` row (its kind and date, what a search shows of it before
opening it) and a `Term` row for each distinct word form in it: "this entry holds a word whose
keyed hash is `token`". The key is derived from the person's own data key, so the tables never
hold a word, and the same word gives unrelated tokens for two people. What a copy of them does
reveal is written in docs/privacy.md: which of one person's records share some word, and how
many words each holds — never which.

A term names its entry by a small number rather than by the record's id, kind and date, and is
nothing but its key: ten years of entries make more than a million terms, so each byte of a
term is over a megabyte of a person's disk.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from earned.accounts.models import User


class Entry(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, db_index=False)
    kind = models.CharField(max_length=20)  # a SearchKind name: "experiences", "journal", …
    record = models.UUIDField()
    at = models.DateTimeField()  # the record's own date, for filtering and ordering by date
    # Its terms' tokens, eight bytes each: to find its terms again along the one index terms
    # have (a second index, by entry, would be a third of the index's size).
    tokens = models.BinaryField(default=b"")

    class Meta:
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(fields=["owner", "record"], name="search_entry_per_record")
        ]
        # A person's entries newest first: a common word's newest matches are found by walking
        # them (search.services.Newest) rather than by sorting thousands of matches by date.
        indexes = [models.Index(fields=["owner", "at"], name="search_entry_newest")]

    def __str__(self) -> str:
        return f"Entry {self.pk}"


class Term(models.Model):
    # The key is the one index terms need: a word's entries ("who holds this word?"), whether an
    # entry holds one ("does it hold that word too?") and an entry's terms, to replace or drop
    # them (its tokens are on the entry). On SQLite the table is the key alone, with no row
    # numbers beside it (WITHOUT ROWID, migration 0003): half the disk, and half the writing.
    #
    # Its two links are not checked by the database row by row (db_constraint=False): terms are
    # written and deleted by the search service alone, from entries it has just written, and
    # the check took half the time of writing ten years' index (docs/decisions.md). Erasing a
    # person still takes their terms (Django's cascade, owner first).
    pk = models.CompositePrimaryKey("owner", "token", "entry")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, db_index=False, db_constraint=False)
    token = models.BigIntegerField()  # 63 bits of HMAC-SHA-256 of a word form
    # Deleted by the search service, owner first (a cascade from Entry would look in every
    # person's terms for them).
    entry = models.ForeignKey(
        Entry, on_delete=models.DO_NOTHING, db_index=False, db_constraint=False
    )

    def __str__(self) -> str:
        return f"Term {self.token} of entry {self.entry_id}"


class Indexed(models.Model):
    """That a person's index is complete, and with which way of cutting words."""

    owner = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True)
    version = models.PositiveSmallIntegerField()
    built_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Index of {self.owner_id} (version {self.version})"
