from django.urls import path

from earned.web import installing, views

app_name = "web"
urlpatterns = [
    path("", views.today, name="today"),
    path("service-worker.js", installing.app_worker, name="app-worker"),
    path("offline/", installing.offline, name="offline"),
]
