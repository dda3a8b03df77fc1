"""The server side of bench/api.py, in a process of its own — as a real server is, so that the
client's threads do not share its interpreter: Earned under waitress on loopback, with the peer
views added. Prints its port, then serves until its parent ends it."""

from __future__ import annotations

import logging
import os
import sys


def add_peers() -> None:
    """Two peers, behind the same middleware and the same token: a plain Django view doing the
    list's own work — the same query, the same decryption, the export's shape, as JSON — without
    the API's layer (its parameters, scopes, rate limit and description); and a minimal Django
    JSON view, which does no work at all: the floor of any answer from this server."""
    from django.http import HttpRequest, JsonResponse
    from django.urls import path

    from earned import urls
    from earned.access import owned, signed_in_user
    from earned.exchange.kinds import KINDS
    from earned.exchange.services import export_record
    from earned.ledger.models import Experience

    kind = next(each for each in KINDS if each.name == "experiences")

    def same_work(request: HttpRequest) -> JsonResponse:
        found = owned(Experience, signed_in_user(request)).order_by("-happens_at", "-pk")
        items = [export_record(kind, row) for row in found[:20]]
        return JsonResponse({"items": items, "count": found.count()})

    def minimal(request: HttpRequest) -> JsonResponse:
        return JsonResponse({"items": [], "count": 0})

    # Under /api/, so the same token opens them; first, so no other address is tried before.
    urls.urlpatterns.insert(0, path("api/bench-same-work/", same_work))  # type: ignore[arg-type]
    urls.urlpatterns.insert(0, path("api/bench-minimal/", minimal))  # type: ignore[arg-type]


def main(threads: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
    import django

    django.setup()
    from waitress.server import create_server

    from earned.records import planner
    from earned.wsgi import application

    add_peers()
    planner.keep_gathering()
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a queue of one is the point
    server = create_server(application, host="127.0.0.1", port=0, threads=threads, ident="Earned")
    print(server.effective_port, flush=True)  # type: ignore[union-attr]
    server.run()


if __name__ == "__main__":
    main(int(sys.argv[1]))
