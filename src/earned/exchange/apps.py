from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "earned.exchange"
    verbose_name = "Export, import and erase"
