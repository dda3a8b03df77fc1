from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "earned.privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from earned.privacy import checks  # noqa: F401  (registers the system checks)
