from django.urls import path

from earned.exchange import views

app_name = "exchange"
urlpatterns = [
    path("settings/export/", views.export, name="export"),
    path("settings/delete-account/", views.delete_account, name="delete-account"),
]
