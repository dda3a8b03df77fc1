from django.urls import path

from earned.drafts import views

app_name = "drafts"
urlpatterns = [path("drafts/", views.drafts, name="drafts")]
