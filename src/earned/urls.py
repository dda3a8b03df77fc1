from django.urls import include, path

from earned.api.main import api

urlpatterns = [
    # First: a call to the API is then matched among the API's own operations alone, not after
    # every page's (the pages' addresses never start with "api/", save the API's own docs page).
    path("api/", api.urls),  # its operations, under their own namespace ("rest")
    path("", include("earned.web.urls")),
    path("", include("earned.accounts.urls")),
    path("", include("earned.safety.urls")),
    path("", include("earned.exchange.urls")),
    path("", include("earned.ledger.urls")),
    path("", include("earned.rituals.urls")),
    path("", include("earned.reflection.urls")),
    path("", include("earned.practice.urls")),
    path("", include("earned.relationships.urls")),
    path("", include("earned.search.urls")),
    path("", include("earned.drafts.urls")),
    path("", include("earned.calendar.urls")),
    path("", include("earned.insights.urls")),
    path("", include("earned.measures.urls")),
    path("", include("earned.circles.urls")),
    path("", include("earned.groups.urls")),
    path("", include("earned.records.urls")),
    path("", include("earned.api.urls")),
]

handler400 = "earned.web.views.bad_request"
handler404 = "earned.web.views.page_not_found"
handler500 = "earned.web.views.server_error"
