from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "earned.reflection"
    verbose_name = "Reflection tools"

    def ready(self) -> None:
        from earned.exchange.kinds import RecordKind, register
        from earned.records.models import other_fields
        from earned.reflection import models

        # In dependency order: import writes them in this order.
        for name, model in (
            ("shifts", models.Shift),
            ("journal_entries", models.JournalEntry),
            ("journal_links", models.JournalLink),
            ("journal_people", models.JournalPerson),
            ("dialogues", models.Dialogue),
            ("dialogue_turns", models.Turn),
            ("imagery", models.Imagery),
        ):
            register(RecordKind(name, model, other_fields(model)))

        from earned.search.kinds import SearchKind
        from earned.search.kinds import register as searchable

        searchable(SearchKind("journal", "Journal", models.JournalEntry, "at", rank=40))
        searchable(SearchKind("dialogues", "Dialogues", models.Dialogue, "at", ("turns",), 50))
        searchable(SearchKind("imagery", "Imagery", models.Imagery, "at", rank=60))
        searchable(SearchKind("shifts", "Interpretation shifts", models.Shift, "at", rank=70))
