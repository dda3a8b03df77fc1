from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "earned.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from earned.accounts import checks  # noqa: F401  (registers the system checks)
