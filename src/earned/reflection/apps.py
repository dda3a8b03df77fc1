from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "earned.reflection"
    verbose_name = "Reflection tools"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.reflection import models

        register(RecordKind("shifts", models.Shift, models.SHIFT_FIELDS))
