from django.urls import path

from earned.exchange import views

app_name = "exchange"
urlpatterns = [
    path("settings/export/", views.export, name="export"),
    path("settings/import/", views.import_export, name="import"),
    path("settings/bring-in/", views.bring_in, name="bring-in"),
    path("settings/backup/", views.download_backup, name="backup"),
    path("settings/delete-account/", views.delete_account, name="delete-account"),
    path("restore/", views.restore_backup, name="restore"),
]
