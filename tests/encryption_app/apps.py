from django.apps import AppConfig


class EncryptionAppConfig(AppConfig):
    """A test-only app with an owned model, to exercise the encrypted field end to end."""

    name = "tests.encryption_app"
    label = "encryption_app"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from tests.encryption_app.models import Note

        register(RecordKind("notes", Note, ("body", "aside", "mood")))
