from django.urls import path

from earned.rituals import views

app_name = "rituals"
urlpatterns = [
    path("check-in/<str:kind>/", views.check_in_today, name="check-in-today"),
    path("check-ins/", views.history, name="history"),
    path("check-ins/<uuid:check_in_id>/", views.check_in_detail, name="check-in"),
    path("check-ins/<uuid:check_in_id>/edit/", views.check_in_edit, name="edit"),
    path("check-ins/<uuid:check_in_id>/delete/", views.check_in_delete, name="delete"),
    path(
        "interactions/<uuid:interaction_id>/experience/",
        views.interaction_to_experience,
        name="as-experience",
    ),
]
