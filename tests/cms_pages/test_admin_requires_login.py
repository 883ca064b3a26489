"""The back office asks for a login."""


def test_the_admin_redirects_anonymous_visitors_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_login_page_is_served(client):
    assert client.get("/admin/login/").status_code == 200


def test_a_demo_administrator_reaches_the_dashboard(client, demo, settings):
    assert client.login(username="admin", password=settings.DEMO_PASSWORD)

    assert client.get("/admin/").status_code == 200
