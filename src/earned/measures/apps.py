from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "earned.measures"
    verbose_name = "Measures"
