from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "earned.api"
    verbose_name = "API"
