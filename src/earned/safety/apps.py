from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "earned.safety"
    verbose_name = "Safety"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from earned.exchange.kinds import RecordKind, register
        from earned.ledger.models import other_fields
        from earned.safety.models import SafetyPlan
        from earned.safety.noticing import look_at_saved_words

        register(RecordKind("safety_plan", SafetyPlan, other_fields(SafetyPlan)))
        pre_save.connect(look_at_saved_words, dispatch_uid="earned-crisis-words")
