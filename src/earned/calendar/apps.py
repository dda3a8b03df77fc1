from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "earned.calendar"
    label = "earned_calendar"  # "calendar" alone reads like the standard library's module
    verbose_name = "Calendar feed"
