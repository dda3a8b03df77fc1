from django.urls import path

from earned.ledger import views

app_name = "ledger"
urlpatterns = [
    path("expectations/", views.expectation_list, name="expectations"),
    path("expectations/new/", views.expectation_new, name="expectation-new"),
    path("expectations/how-the-evidence-works/", views.about_the_model, name="about-the-model"),
    path("expectations/<uuid:expectation_id>/", views.expectation_detail, name="expectation"),
    path(
        "expectations/<uuid:expectation_id>/rate/", views.expectation_rate, name="expectation-rate"
    ),
    path(
        "expectations/<uuid:expectation_id>/archive/",
        views.expectation_archive,
        name="expectation-archive",
    ),
    path(
        "expectations/<uuid:expectation_id>/delete/",
        views.expectation_delete,
        name="expectation-delete",
    ),
    path("experiences/", views.ledger, name="ledger"),
    path("experiences/plan/", views.experience_plan, name="plan"),
    path("experiences/log/", views.experience_log, name="log"),
    path("experiences/<uuid:experience_id>/", views.experience_detail, name="experience"),
    path("experiences/<uuid:experience_id>/edit/", views.experience_edit, name="edit"),
    path("experiences/<uuid:experience_id>/delete/", views.experience_delete, name="delete"),
    path("experiences/<uuid:experience_id>/debrief/", views.experience_debrief, name="debrief"),
    path(
        "experiences/<uuid:experience_id>/rerate/<uuid:expectation_id>/",
        views.experience_rerate,
        name="rerate",
    ),
    path(
        "experiences/<uuid:experience_id>/discounting/",
        views.experience_discounting,
        name="discounting",
    ),
]
