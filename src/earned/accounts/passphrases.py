"""How guessable a passphrase is, in our own words, with zxcvbn doing the estimating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

# zxcvbn's time grows quickly with length; past this, extra characters only add strength.
ESTIMATE_PREFIX = 64
MINIMUM_SCORE = 2
MINIMUM_LENGTH = 10

MESSAGES = {
    0: "Very easy to guess. A few unrelated words together work well.",
    1: "Still easy to guess. Another unusual word would help a lot.",
    2: "Fair. One more word would make it much stronger.",
    3: "Strong.",
    4: "Very strong.",
}


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very guessable) to 4 (very hard to guess)
    message: str

    @property
    def acceptable(self) -> bool:
        return self.score >= MINIMUM_SCORE


def strength(passphrase: str, personal_words: tuple[str, ...] = ()) -> Strength:
    if not passphrase:
        return Strength(0, "")
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:ESTIMATE_PREFIX], user_inputs=list(personal_words))
    score = int(result["score"])
    return Strength(score, MESSAGES[score])


class LengthValidator:
    """Django password validator: at least MINIMUM_LENGTH characters, said in our words."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < MINIMUM_LENGTH:
            raise ValidationError(
                f"A passphrase needs at least {MINIMUM_LENGTH} characters (this one has "
                f"{len(password)}). A few words together work well.",
                code="passphrase_too_short",
            )

    def get_help_text(self) -> str:
        return f"At least {MINIMUM_LENGTH} characters."


class GuessabilityValidator:
    """Django password validator: refuse passphrases that zxcvbn finds easy to guess."""

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < MINIMUM_LENGTH:
            return  # the length is the one thing to say about it
        personal = tuple(
            str(value)
            for value in (getattr(user, "username", ""), getattr(user, "display_name", ""))
            if value
        )
        if not strength(password, personal).acceptable:
            raise ValidationError(
                "This passphrase would be easy to guess. Try three or four unrelated words.",
                code="passphrase_guessable",
            )

    def get_help_text(self) -> str:
        return "Three or four unrelated words are easy to remember and hard to guess."
