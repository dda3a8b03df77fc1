from dataclasses import asdict

from django.apps import AppConfig, apps


class RecordsConfig(AppConfig):
    name = "earned.records"
    verbose_name = "Records"

    def ready(self) -> None:
        """Every kind of record joins the export and, if it says so, search, as it declares
        (`exported_as`, `searched_as`), in the order Django knows them — the apps' order, then
        each app's own — which is the order an import writes them in, so what a record links
        to is always written before it."""
        from earned.exchange.kinds import RecordKind
        from earned.exchange.kinds import register as exported
        from earned.records.models import Owned, other_fields
        from earned.search.kinds import SearchKind
        from earned.search.kinds import register as searchable

        for model in apps.get_models():
            if issubclass(model, Owned):
                exported(RecordKind(model.exported_as, model, other_fields(model)))
                if (found := model.searched_as) is not None:
                    searchable(SearchKind(**asdict(found), model=model))
