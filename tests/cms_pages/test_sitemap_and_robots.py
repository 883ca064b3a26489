"""Search engines find every published page of every language."""

from cms_pages.models import NewsArticlePage


def test_the_sitemap_lists_pages_of_every_language(client, demo):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    for prefix in ("/fr/", "/en/", "/es/", "/it/", "/de/", "/pt/"):
        assert f"{prefix}</loc>" in body
    article = NewsArticlePage.objects.filter(locale__language_code="en").first()
    assert f"{article.url}</loc>" in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
