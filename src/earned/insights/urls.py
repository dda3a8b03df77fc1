from django.urls import path

from earned.insights import views

app_name = "insights"
urlpatterns = [
    path("insights/", views.insights, name="insights"),
    path("insights/map/", views.place_map, name="map"),
    path("insights/report/", views.report, name="report"),
]
