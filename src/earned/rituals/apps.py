from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "earned.rituals"
    verbose_name = "Daily rituals"
