"""The health check reports the database and the cache to the load balancer."""

from django.core.cache import cache


def test_health_check_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "cache": True}}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_answers_503_when_the_cache_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "set", broken)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "cache": False}


def test_health_check_answers_503_when_the_database_is_down(client, monkeypatch):
    from config import health

    monkeypatch.setattr(health, "_database_ok", lambda: False)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
