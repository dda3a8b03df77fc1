from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "earned.circles"
    verbose_name = "Care circles"
