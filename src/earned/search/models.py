"""The search index: a keyed blind index of the words in a person's entries.

Each row says "this record holds a word whose keyed hash is `token`". The key is derived from
the person's own data key, so the table never holds a word, and the same word gives unrelated
tokens for two people. What a copy of the table does reveal is written in docs/privacy.md:
which of one person's records share some word, and how many words each holds — never which.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from earned.accounts.models import User


class Term(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, db_index=False)
    token = models.BigIntegerField()  # 63 bits of HMAC-SHA-256 of a word form
    kind = models.CharField(max_length=20)  # a SearchKind name: "experiences", "journal", …
    record = models.UUIDField()
    at = models.DateTimeField()  # the record's own date, for filtering by date

    class Meta:
        # Both cover every column a search reads, so SQL never visits the table itself: the
        # first walks one word's records newest first; the second answers "does this record
        # hold that word too?" and finds a record's rows to replace them.
        indexes = [
            models.Index(fields=["owner", "token", "at", "record", "kind"], name="search_by_word"),
            models.Index(fields=["owner", "record", "token"], name="search_by_record"),
        ]

    def __str__(self) -> str:
        return f"Term {self.pk}"


class Indexed(models.Model):
    """That a person's index is complete, and with which way of cutting words."""

    owner = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True)
    version = models.PositiveSmallIntegerField()
    built_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Index of {self.owner_id} (version {self.version})"
