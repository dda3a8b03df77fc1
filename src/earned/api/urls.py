from django.urls import path

from earned.api.main import api

urlpatterns = [
    path("api/", api.urls),
]
