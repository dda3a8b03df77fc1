from django.urls import path

from earned.reflection.views import dialogues, imagery, journal, reflect, shifts

app_name = "reflection"
urlpatterns = [
    path("reflect/", reflect.reflect, name="reflect"),
    path("reflect/journal/", journal.journal, name="journal"),
    path("reflect/journal/new/", journal.entry_new, name="entry-new"),
    path("reflect/journal/<uuid:entry_id>/", journal.entry_detail, name="entry"),
    path("reflect/journal/<uuid:entry_id>/edit/", journal.entry_edit, name="entry-edit"),
    path("reflect/journal/<uuid:entry_id>/delete/", journal.entry_delete, name="entry-delete"),
    path("reflect/dialogues/", dialogues.dialogues, name="dialogues"),
    path("reflect/dialogues/new/", dialogues.dialogue_new, name="dialogue-new"),
    path("reflect/dialogues/<uuid:dialogue_id>/", dialogues.dialogue_detail, name="dialogue"),
    path(
        "reflect/dialogues/<uuid:dialogue_id>/edit/",
        dialogues.dialogue_edit,
        name="dialogue-edit",
    ),
    path(
        "reflect/dialogues/<uuid:dialogue_id>/delete/",
        dialogues.dialogue_delete,
        name="dialogue-delete",
    ),
    path("reflect/imagery/", imagery.imagery, name="imagery-scripts"),
    path("reflect/imagery/<slug:script_key>/", imagery.imagery_begin, name="imagery-begin"),
    path("reflect/imagery/notes/<uuid:session_id>/", imagery.imagery_detail, name="imagery"),
    path(
        "reflect/imagery/notes/<uuid:session_id>/edit/",
        imagery.imagery_edit,
        name="imagery-edit",
    ),
    path(
        "reflect/imagery/notes/<uuid:session_id>/delete/",
        imagery.imagery_delete,
        name="imagery-delete",
    ),
    path("reflect/shifts/", shifts.shifts, name="shifts"),
    path("reflect/shifts/new/", shifts.shift_new, name="shift-new"),
    path("reflect/shifts/<uuid:shift_id>/", shifts.shift_detail, name="shift"),
    path("reflect/shifts/<uuid:shift_id>/edit/", shifts.shift_edit, name="shift-edit"),
    path("reflect/shifts/<uuid:shift_id>/delete/", shifts.shift_delete, name="shift-delete"),
]
