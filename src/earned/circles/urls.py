from django.urls import path

from earned.circles.views import mine, theirs

app_name = "circles"

urlpatterns = [
    # The person's side, under Settings.
    path("settings/circle/", mine.circle, name="circle"),
    path("settings/circle/invite/", mine.invite, name="invite"),
    path("settings/circle/accept/", mine.accept, name="accept"),
    path(
        "settings/circle/invitations/<uuid:invitation_id>/withdraw/", mine.withdraw, name="withdraw"
    ),
    path("settings/circle/<uuid:circle_id>/", mine.sharing, name="sharing"),
    path("settings/circle/<uuid:circle_id>/end/", mine.end, name="end"),
    path("settings/seen/", mine.seen, name="seen"),
    path("comments/<uuid:comment_id>/reply/", mine.reply, name="reply"),
    path("comments/<uuid:comment_id>/hide/", mine.hide, name="hide"),
    path("sessions/<uuid:circle_session_id>/note/", mine.note_session, name="note-session"),
    path(
        "sessions/<uuid:circle_session_id>/set-aside/",
        mine.set_session_aside,
        name="set-session-aside",
    ),
    # The practitioner's side.
    path("care/join/", theirs.join, name="join"),
    path("care/invite/", theirs.invite, name="invite-person"),
    path("care/", theirs.people, name="people"),
    path("care/<uuid:client_id>/", theirs.person, name="person"),
    path("care/<uuid:client_id>/insights/", theirs.insights, name="insights"),
    path("care/<uuid:client_id>/<slug:kind>/<uuid:entry_id>/", theirs.entry, name="entry"),
    path(
        "care/<uuid:client_id>/<slug:kind>/<uuid:entry_id>/comments/",
        theirs.add_comment,
        name="comment",
    ),
    path("care/<uuid:client_id>/assignments/", theirs.add_assignment, name="assign"),
    path("care/<uuid:client_id>/sessions/", theirs.add_session, name="log-session"),
    path("care/<uuid:client_id>/end/", theirs.leave, name="leave"),
]
