from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "earned.safety"
    verbose_name = "Safety"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.records.models import other_fields
        from earned.safety.models import SafetyPlan

        register(RecordKind("safety_plan", SafetyPlan, other_fields(SafetyPlan)))
