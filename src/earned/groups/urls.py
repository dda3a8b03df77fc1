from django.urls import path

from earned.groups import pair_views, views

app_name = "groups"

urlpatterns = [
    path("groups/", views.groups, name="groups"),
    path("groups/new/", views.new, name="new"),
    path("groups/join/", views.join, name="join"),
    path("groups/<uuid:group_id>/", views.group, name="group"),
    path("groups/<uuid:group_id>/invite/", views.invite, name="invite"),
    path(
        "groups/<uuid:group_id>/invitations/<uuid:group_invitation_id>/withdraw/",
        views.withdraw,
        name="withdraw",
    ),
    path("groups/<uuid:group_id>/share/", views.share, name="share"),
    path(
        "groups/<uuid:group_id>/shared/<uuid:share_id>/take-back/",
        views.take_back,
        name="take-back",
    ),
    path("groups/<uuid:group_id>/shared/<uuid:share_id>/", views.entry, name="entry"),
    path("groups/<uuid:group_id>/shared/<uuid:share_id>/replies/", views.reply, name="reply"),
    path(
        "groups/<uuid:group_id>/replies/<uuid:reply_id>/moderate/",
        views.moderate,
        name="moderate",
    ),
    path("groups/<uuid:group_id>/exercises/", views.post_exercise, name="post-exercise"),
    path(
        "groups/<uuid:group_id>/exercises/<uuid:exercise_id>/start/",
        views.start_exercise,
        name="start-exercise",
    ),
    path("groups/<uuid:group_id>/meetings/new/", views.meeting, name="meeting-new"),
    path("groups/<uuid:group_id>/meetings/<uuid:meeting_id>/", views.meeting, name="meeting"),
    path("groups/<uuid:group_id>/pairs/ask/", pair_views.ask, name="pair-ask"),
    path(
        "groups/<uuid:group_id>/pairs/<uuid:pair_request_id>/",
        pair_views.answer,
        name="pair-answer",
    ),
    path(
        "groups/<uuid:group_id>/pairs/<uuid:pair_request_id>/withdraw/",
        pair_views.withdraw,
        name="pair-withdraw",
    ),
    path("groups/<uuid:group_id>/leave/", views.leave, name="leave"),
    path("groups/<uuid:group_id>/end/", views.end, name="end"),
]
