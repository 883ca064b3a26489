"""An anonymous visitor reading pages gets no session: none is read, written or sent as a cookie."""

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_an_anonymous_page_view_neither_reads_nor_creates_a_session(client, demo, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds

    with CaptureQueriesContext(connection) as captured:
        for url in ("/fr/", "/en/", "/fr/", "/en/"):
            response = client.get(url)
            assert response.status_code == 200
            assert django_settings.SESSION_COOKIE_NAME not in response.cookies

    assert not any("django_session" in query["sql"] for query in captured.captured_queries)
    assert not Session.objects.exists()
