"""Run by test_canary in a child process: writes a canary through the encrypted field into a
real SQLite file, prints the export, and stays connected until told to stop (so the test can
read the write-ahead log before SQLite checkpoints it). Not a test module itself."""

import json
import os
import sys


def main(canary: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from earned.exchange import services
    from earned.privacy import keyring, keys
    from tests.conftest import PASSPHRASE, make_person
    from tests.encryption_app.models import Note

    call_command("migrate", verbosity=0)
    person = make_person("sam", "Sam")
    keyring.use_for_this_run(keys.open_data_key(person, PASSPHRASE))
    Note.objects.create(owner=person, body=f"before {canary} after", aside=canary)
    print(json.dumps(services.export_document(person)), flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main(sys.argv[1])
