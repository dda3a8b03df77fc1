"""Reading pages in tests: the text of one, and how many queries it took."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page(client: Client, url: str) -> str:
    """The page's text; it must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def refused(client: Client, url: str, form: dict[str, str]) -> str:
    """The page a form comes back as when it is not accepted: 400, with a kind message."""
    response = client.post(url, form)
    assert response.status_code == 400, (url, response.status_code)
    return response.content.decode()


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
