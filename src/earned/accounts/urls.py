from django.urls import path

from earned.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("welcome/", views.welcome, name="welcome"),
    path("welcome/<str:token>/", views.welcome_link, name="welcome-link"),
    path("passphrase-strength/", views.passphrase_strength, name="passphrase-strength"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/profile/", views.update_profile, name="update-profile"),
    path("settings/passphrase/", views.change_passphrase, name="change-passphrase"),
    path("settings/sessions/<uuid:public_id>/end/", views.end_session, name="end-session"),
    path("settings/sessions/end-all/", views.sign_out_everywhere, name="sign-out-everywhere"),
]
