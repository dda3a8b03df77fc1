from django.urls import path

from earned.reflection import views

app_name = "reflection"
urlpatterns = [
    path("reflect/", views.reflect, name="reflect"),
    path("reflect/shifts/", views.shifts, name="shifts"),
    path("reflect/shifts/new/", views.shift_new, name="shift-new"),
    path("reflect/shifts/<uuid:shift_id>/", views.shift_detail, name="shift"),
    path("reflect/shifts/<uuid:shift_id>/edit/", views.shift_edit, name="shift-edit"),
    path("reflect/shifts/<uuid:shift_id>/delete/", views.shift_delete, name="shift-delete"),
]
