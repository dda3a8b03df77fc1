from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "earned.search"
    verbose_name = "Search"
