from django.urls import path

from earned.safety import views

app_name = "safety"
urlpatterns = [
    path("help/", views.crisis, name="crisis"),
    path("safety-plan/", views.plan, name="plan"),
    path("safety-plan/edit/", views.plan_edit, name="plan-edit"),
    path("safety-plan/offline.js", views.offline_worker, name="offline-worker"),
]
