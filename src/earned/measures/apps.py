from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "earned.measures"
    verbose_name = "Measures"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.measures.models import Questionnaire, Response, Schedule
        from earned.records.models import other_fields

        register(RecordKind("measures", Response, other_fields(Response)))
        register(RecordKind("measure_schedules", Schedule, other_fields(Schedule)))
        register(RecordKind("measure_wording", Questionnaire, other_fields(Questionnaire)))
