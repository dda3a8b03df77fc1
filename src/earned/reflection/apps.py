from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "earned.reflection"
    verbose_name = "Reflection tools"
