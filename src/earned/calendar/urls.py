from django.urls import path

from earned.calendar import views

app_name = "calendar"
urlpatterns = [
    path("settings/calendar/", views.calendar_settings, name="settings"),
    path("settings/calendar/earned.ics", views.download, name="download"),
    path("calendar/<str:whole>.ics", views.feed, name="feed"),
]
