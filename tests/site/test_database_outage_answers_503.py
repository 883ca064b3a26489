"""With the database down the site answers a plain 503 page, not a traceback."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from config import middleware
from config.middleware import ServiceUnavailableMiddleware


@pytest.fixture
def database_down(monkeypatch):
    monkeypatch.setattr(middleware, "_database_answers", lambda: False)


def test_a_database_error_becomes_a_plain_503_page(database_down):
    handler = ServiceUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/fr/")

    response = handler.process_exception(request, OperationalError("could not connect to server"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "Traceback" not in body
    assert "could not connect" not in body


def test_a_database_error_while_the_database_answers_is_not_called_an_outage():
    handler = ServiceUnavailableMiddleware(lambda request: None)

    assert handler.process_exception(RequestFactory().get("/"), OperationalError("syntax error")) is None


def test_other_errors_are_left_to_the_normal_error_handling(database_down):
    handler = ServiceUnavailableMiddleware(lambda request: None)

    assert handler.process_exception(RequestFactory().get("/"), ValueError("boom")) is None


def test_the_site_answers_503_when_a_page_cannot_reach_the_database(client, monkeypatch, database_down):
    from wagtail.models import Site

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(Site, "find_for_request", unreachable)

    response = client.get("/fr/")

    assert response.status_code == 503
    assert b"Service" in response.content
