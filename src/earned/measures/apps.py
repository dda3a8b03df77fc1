from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "earned.measures"
    verbose_name = "Measures"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.ledger.models import other_fields
        from earned.measures.models import Questionnaire, Response, Schedule

        register(RecordKind("measures", Response, other_fields(Response)))
        register(RecordKind("measure_schedules", Schedule, other_fields(Schedule)))
        register(RecordKind("measure_wording", Questionnaire, other_fields(Questionnaire)))
