from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "earned.groups"
    verbose_name = "Groups"
