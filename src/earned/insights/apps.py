from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "earned.insights"
    verbose_name = "Insights"
