from django.urls import path

from earned.web import views

app_name = "web"
urlpatterns = [
    path("", views.today, name="today"),
]
