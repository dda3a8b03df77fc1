from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "earned.web"
    verbose_name = "Web shell"
