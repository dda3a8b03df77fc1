from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "earned.practice"
    verbose_name = "Practice"
