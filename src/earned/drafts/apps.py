from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "earned.drafts"
    verbose_name = "Drafts"
