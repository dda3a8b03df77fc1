from django.urls import path

from earned.records import views
from earned.records.models import with_pages

app_name = "records"

# One route for each kind of entry with a page of its own: who in a care circle may see it.
urlpatterns = [
    path(
        f"visibility/{kind}/<uuid:record_id>/",
        views.visibility,
        {"kind": kind},
        name=f"visibility-{kind}",
    )
    for kind in with_pages()
]
