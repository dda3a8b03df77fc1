"""Test settings: the app's own settings, in local mode, with a throwaway data folder and
a fast password hasher (the production Argon2id hasher is tested on its own)."""

import os
import tempfile

os.environ["EARNED_MODE"] = "local"
os.environ["EARNED_DATA_DIR"] = tempfile.mkdtemp(prefix="earned-tests-")

from earned.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
