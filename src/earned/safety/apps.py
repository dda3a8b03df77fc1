from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "earned.safety"
    verbose_name = "Safety"
