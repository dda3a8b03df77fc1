from django.urls import path

from earned.api import views

app_name = "api"

urlpatterns = [
    path("settings/tokens/", views.token_list, name="tokens"),
    path("settings/tokens/<uuid:token_id>/revoke/", views.revoke, name="revoke"),
    path("api/docs/", views.docs, name="docs"),
]
