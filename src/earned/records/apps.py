from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "earned.records"
    verbose_name = "Records"
