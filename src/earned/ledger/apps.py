from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "earned.ledger"
    verbose_name = "Working model and experience ledger"
