from django.urls import path

from earned.relationships.views import people, ruptures

app_name = "relationships"
urlpatterns = [
    path("people/", people.people, name="people"),
    path("people/put-away/", people.archived, name="archived"),
    path("people/new/", people.person_new, name="person-new"),
    path("people/<uuid:person_id>/", people.person_detail, name="person"),
    path("people/<uuid:person_id>/edit/", people.person_edit, name="person-edit"),
    path("people/<uuid:person_id>/delete/", people.person_delete, name="person-delete"),
    path("people/<uuid:person_id>/archive/", people.person_archive, name="person-archive"),
    path("people/<uuid:person_id>/safety/", people.person_rate, name="person-rate"),
    path("people/<uuid:person_id>/showed-up/", people.person_showed_up, name="showed-up"),
    path("presence/<uuid:presence_id>/delete/", people.presence_delete, name="presence-delete"),
    path("ruptures/", ruptures.ruptures, name="ruptures"),
    path("ruptures/new/", ruptures.rupture_new, name="rupture-new"),
    path("ruptures/<uuid:rupture_id>/", ruptures.rupture_detail, name="rupture"),
    path("ruptures/<uuid:rupture_id>/edit/", ruptures.rupture_edit, name="rupture-edit"),
    path("ruptures/<uuid:rupture_id>/delete/", ruptures.rupture_delete, name="rupture-delete"),
    path("ruptures/<uuid:rupture_id>/repair/", ruptures.repair_new, name="repair-new"),
    path("repairs/<uuid:repair_id>/edit/", ruptures.repair_edit, name="repair-edit"),
    path("repairs/<uuid:repair_id>/delete/", ruptures.repair_delete, name="repair-delete"),
]
