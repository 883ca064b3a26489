"""Rendering a PDF reads the shipped fonts and data: URLs, nothing else: an image or a stylesheet in a
template's text that points at the network or at another file of the server is left out."""

import base64
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
import weasyprint
from django.urls import reverse
from PIL import Image
from weasyprint.urls import URLFetcher

from documents.conventions.rendering import FONTS, safe_url_fetcher
from documents.conventions.services import read_pdf

from .conftest import make_template
from .test_convention_rendering import pdf_text


def pixel() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1, 1), "red").save(out, format="PNG")
    return out.getvalue()


PIXEL = pixel()


class Recorder(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.server.paths.append(self.path)
        css = self.path.endswith(".css")
        body = b"p { color: red }" if css else PIXEL
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if css else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def server():
    """An HTTP server on the loopback that counts what it is asked for."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    httpd.paths = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def outside_file(tmp_path):
    """An image on the server's disk, outside the fonts folder."""
    path = tmp_path / "private.png"
    path.write_bytes(PIXEL)
    return path


def hostile_html(server, outside_file) -> str:
    base = f"http://127.0.0.1:{server.server_port}"
    return (
        f'<style>@import url("{base}/imported.css");</style>'
        f'<link rel="stylesheet" href="{base}/linked.css">'
        f'<p style="background: url({base}/background.png)">Texte</p>'
        f'<img src="{base}/tracker.png" alt="">'
        f'<img src="{outside_file.as_uri()}" alt="">'
        '<img src="file:///etc/passwd" alt="">'
        '<img src="../../../../../../../../etc/hostname" alt="">'
        f'<svg width="10" height="10"><image href="{base}/in-svg.png" width="10" height="10"/></svg>'
    )


@pytest.fixture
def reached(monkeypatch):
    """Every URL that gets past the platform's fetcher to WeasyPrint's own."""
    urls = []
    fetch = URLFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return fetch(self, url, headers)

    monkeypatch.setattr(URLFetcher, "fetch", spy)
    return urls


def only_shipped_or_data(urls) -> bool:
    fonts = FONTS.resolve().as_uri()
    return all(url.startswith("data:") or url.startswith(fonts + "/") for url in urls)


@pytest.fixture
def templates(territory, server, outside_file):
    """Convention templates whose article carries images and stylesheets pointing outside."""
    found = []
    for language in ("fr", "it"):
        template = make_template(
            territory.country,
            language,
            body="<p>{host_name} accueille {guest_name}.</p>" + hostile_html(server, outside_file),
        )
        template.full_clean()
        template.save()
        found.append(template)
    return found


def test_the_test_server_is_reached_by_weasyprints_default_fetcher(server, outside_file, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)

    weasyprint.HTML(string=hostile_html(server, outside_file)).write_pdf()

    assert "/tracker.png" in server.paths  # so the zero below means something


def test_a_convention_whose_article_points_outside_renders_without_fetching_it(convention, server, tmp_path):
    assert server.paths == []
    text = pdf_text(read_pdf(convention), tmp_path)
    assert "Monique Durand accueille Giulia Bianchi." in " ".join(text.split())


def test_only_the_shipped_fonts_and_data_urls_reach_weasyprint(reached, server, outside_file, tmp_path):
    html = (
        f'<style>@font-face {{ font-family: "Shipped"; src: url("{(FONTS / "DejaVuSans.ttf").as_uri()}"); }}'
        'body { font-family: "Shipped"; }</style>'
        f'<img src="data:image/png;base64,{base64.b64encode(PIXEL).decode()}" alt="">'
        + hostile_html(server, outside_file)
    )

    pdf = weasyprint.HTML(string=html, base_url=str(FONTS), url_fetcher=safe_url_fetcher()).write_pdf()

    assert pdf.startswith(b"%PDF")
    assert server.paths == []
    assert reached and only_shipped_or_data(reached)
    assert any(urlsplit(url).path.endswith("/DejaVuSans.ttf") for url in reached)
    assert not any(url.startswith(outside_file.as_uri()) or "passwd" in url or "hostname" in url for url in reached)


def test_the_audit_sheet_is_rendered_with_the_same_fetcher(convention, advisor, client, reached):
    client.force_login(advisor)

    sheet = client.get(reverse("convention_audit_sheet", args=[convention.pk]))

    assert sheet["Content-Type"] == "application/pdf" and sheet.content.startswith(b"%PDF")
    assert only_shipped_or_data(reached)
