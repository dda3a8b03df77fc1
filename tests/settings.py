"""Test settings: the app's own settings, in local mode, with a throwaway data folder, a fast
password hasher and cheap key derivation (the production Argon2id hasher, parameters and floor
are tested on their own)."""

import os
import tempfile

os.environ["EARNED_MODE"] = "local"
# EARNED_TEST_DATA_DIR lets a child process of a test use a real database file it can inspect.
os.environ["EARNED_DATA_DIR"] = os.environ.get("EARNED_TEST_DATA_DIR") or tempfile.mkdtemp(
    prefix="earned-tests-"
)
# A fixed instance key for the server-mode tests (never used outside them).
os.environ["EARNED_MASTER_KEY"] = "dGVzdHMtb25seS1pbnN0YW5jZS1rZXktMzItYnl0ZXM="

from earned.privacy.crypto import KdfParameters
from earned.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
KDF_PARAMETERS = KDF_FLOOR = KdfParameters(time_cost=1, memory_kib=1024, parallelism=1)
INSTALLED_APPS = [*INSTALLED_APPS, "tests.encryption_app"]  # noqa: F405
