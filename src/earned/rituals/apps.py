from django.apps import AppConfig


class RitualsConfig(AppConfig):
    name = "earned.rituals"
    verbose_name = "Daily rituals"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.rituals import models

        register(RecordKind("check_ins", models.CheckIn, models.CHECK_IN_FIELDS))
        register(
            RecordKind(
                "interactions",
                models.Interaction,
                ("check_in", "position", "who", "context", "what", "felt", "experience"),
            )
        )

        from earned.search import kinds as search

        search.register(
            search.SearchKind("check_ins", "Check-ins", models.CheckIn, "at", ("interactions",), 30)
        )
