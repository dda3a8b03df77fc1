"""Run by bench/cli.py in a process of its own: a fresh local Earned in DATA_DIR holding YEARS of
a very engaged person's entries (bench/scale.py) with its search index, as `earned` finds it.
Prints how many entries it wrote."""

from __future__ import annotations

import random
import sys


def main(data_dir: str, years: float) -> None:
    from bench.__main__ import PASSPHRASE, fresh_earned

    user = fresh_earned(data_dir)
    from django.utils import timezone

    from bench import scale
    from earned.privacy import keyring, keys
    from earned.search import services as search

    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        counts = scale.write(user, timezone.now(), random.Random(2026), years=years)
        search.rebuild(user)
    print(sum(counts.values()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
