"""The back office asks for a login."""


def test_the_admin_redirects_anonymous_visitors_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_login_page_is_served(client):
    assert client.get("/admin/login/").status_code == 200


def test_a_demo_administrator_signs_in_and_is_asked_for_a_second_factor(client, demo, settings):
    response = client.post("/admin/login/", {"username": "admin", "password": settings.DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/")
