from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    name = "earned.relationships"
    verbose_name = "Relationships"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.records.models import other_fields
        from earned.relationships import models
        from earned.search.kinds import SearchKind
        from earned.search.kinds import register as searchable

        # Before the ledger's kinds (this app comes first in INSTALLED_APPS), because an
        # experience may name a person, and import writes kinds in this order.
        for name, model in (
            ("people", models.Person),
            ("safety", models.Safety),
            ("presence", models.Presence),
            ("ruptures", models.Rupture),
            ("repairs", models.Repair),
        ):
            register(RecordKind(name, model, other_fields(model)))
        searchable(SearchKind("people", "People", models.Person, "created_at", rank=110))
        searchable(SearchKind("ruptures", "Ruptures", models.Rupture, "at", ("repairs",), 120))
