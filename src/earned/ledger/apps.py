from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "earned.ledger"
    verbose_name = "Working model and experience ledger"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.ledger import models

        # Registered in dependency order: import writes them in this order.
        register(
            RecordKind(
                "expectations",
                models.Expectation,
                ("text", "wound", "wound_own_word", "counterpart", "created_at", "archived_at"),
            )
        )
        register(
            RecordKind(
                "experiences",
                models.Experience,
                models.EXPERIENCE_FIELDS,
            )
        )
        register(RecordKind("tested", models.Tested, ("experience", "expectation")))
        register(
            RecordKind(
                "ratings",
                models.Rating,
                ("expectation", "feels_true", "think_true", "rated_at", "experience"),
            )
        )
        register(
            RecordKind("emotions", models.Emotion, ("experience", "word", "own_word", "intensity"))
        )

        from earned.search import kinds as search

        search.register(
            search.SearchKind(
                "experiences", "Experiences", models.Experience, "happens_at", ("emotions",), 10
            )
        )
        search.register(
            search.SearchKind(
                "expectations", "Expectations", models.Expectation, "created_at", rank=20
            )
        )
