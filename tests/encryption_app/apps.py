from django.apps import AppConfig


class EncryptionAppConfig(AppConfig):
    """A test-only app with an owned model, to exercise the encrypted field end to end."""

    name = "tests.encryption_app"
    label = "encryption_app"
