from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    name = "earned.relationships"
    verbose_name = "Relationships"
