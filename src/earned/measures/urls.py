from django.urls import path

from earned.measures import views

app_name = "measures"
urlpatterns = [
    path("insights/measures/", views.measures, name="measures"),
    path("insights/measures/import/", views.import_questionnaire, name="import"),
    path("insights/measures/<slug:key>/", views.take, name="take"),
    path("insights/measures/<slug:key>/schedule/", views.schedule, name="schedule"),
    path("insights/measures/<slug:key>/fhir.json", views.fhir, name="fhir"),
    path("insights/measures/<slug:key>/remove/", views.remove, name="remove"),
    path("insights/measures/<slug:key>/change/", views.change_figures, name="change"),
]
