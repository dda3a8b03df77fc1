from django.urls import path

from earned.safety import views

app_name = "safety"
urlpatterns = [
    path("help/", views.crisis, name="crisis"),
]
