from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "earned.practice"
    verbose_name = "Practice"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.practice import models
        from earned.records.models import other_fields
        from earned.search.kinds import SearchKind
        from earned.search.kinds import register as searchable

        # In dependency order: import writes them in this order.
        for name, model in (
            ("ladders", models.Ladder),
            ("ladder_links", models.LadderLink),
            ("steps", models.Step),
            ("attempts", models.Attempt),
            ("scripts", models.Script),
            ("rehearsals", models.Rehearsal),
        ):
            register(RecordKind(name, model, other_fields(model)))
        searchable(SearchKind("ladders", "Ladders", models.Ladder, "created_at", ("steps",), 80))
        searchable(SearchKind("attempts", "Attempts", models.Attempt, "created_at", ("step",), 90))
        searchable(SearchKind("scripts", "Scripts", models.Script, "created_at", rank=100))
