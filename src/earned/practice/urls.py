from django.urls import path

from earned.practice.views import attempts, ladders, scripts

app_name = "practice"
urlpatterns = [
    path("practice/", ladders.practice, name="practice"),
    path("practice/put-away/", ladders.archived, name="archived"),
    path("practice/ladders/new/", ladders.ladder_new, name="ladder-new"),
    path("practice/ladders/<uuid:ladder_id>/", ladders.ladder_detail, name="ladder"),
    path("practice/ladders/<uuid:ladder_id>/edit/", ladders.ladder_edit, name="ladder-edit"),
    path("practice/ladders/<uuid:ladder_id>/delete/", ladders.ladder_delete, name="ladder-delete"),
    path(
        "practice/ladders/<uuid:ladder_id>/archive/", ladders.ladder_archive, name="ladder-archive"
    ),
    path("practice/ladders/<uuid:ladder_id>/steps/", ladders.step_add, name="step-add"),
    path("practice/ladders/<uuid:ladder_id>/order/", ladders.ladder_arrange, name="ladder-arrange"),
    path("practice/ladders/<uuid:ladder_id>/sort/", ladders.ladder_sort, name="ladder-sort"),
    path("practice/steps/<uuid:step_id>/edit/", ladders.step_edit, name="step-edit"),
    path("practice/steps/<uuid:step_id>/delete/", ladders.step_delete, name="step-delete"),
    path("practice/steps/<uuid:step_id>/move/", ladders.step_move, name="step-move"),
    path("practice/steps/<uuid:step_id>/climb/", ladders.step_climb, name="step-climb"),
    path("practice/steps/<uuid:step_id>/attempt/", attempts.attempt_new, name="attempt-new"),
    path("practice/attempts/<uuid:attempt_id>/", attempts.attempt_detail, name="attempt"),
    path(
        "practice/attempts/<uuid:attempt_id>/now/", attempts.attempt_moment, name="attempt-moment"
    ),
    path(
        "practice/attempts/<uuid:attempt_id>/debrief/",
        attempts.attempt_debrief,
        name="attempt-debrief",
    ),
    path(
        "practice/attempts/<uuid:attempt_id>/calendar.ics",
        attempts.attempt_calendar,
        name="attempt-calendar",
    ),
    path(
        "practice/attempts/<uuid:attempt_id>/delete/",
        attempts.attempt_delete,
        name="attempt-delete",
    ),
    path("practice/scripts/", scripts.scripts, name="scripts"),
    path("practice/scripts/new/", scripts.script_new, name="script-new"),
    path("practice/scripts/copy/<slug:starter_key>/", scripts.script_copy, name="script-copy"),
    path("practice/scripts/<uuid:script_id>/", scripts.script_detail, name="script"),
    path("practice/scripts/<uuid:script_id>/edit/", scripts.script_edit, name="script-edit"),
    path("practice/scripts/<uuid:script_id>/delete/", scripts.script_delete, name="script-delete"),
    path("practice/scripts/<uuid:script_id>/rehearse/", scripts.rehearse, name="rehearse"),
    path(
        "practice/rehearsals/<uuid:rehearsal_id>/edit/",
        scripts.rehearsal_edit,
        name="rehearsal-edit",
    ),
    path(
        "practice/rehearsals/<uuid:rehearsal_id>/delete/",
        scripts.rehearsal_delete,
        name="rehearsal-delete",
    ),
]
