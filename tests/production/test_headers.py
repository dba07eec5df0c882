"""What nginx and the production settings send: HTTPS, security headers, static files cached for
good, request sizes limited, uploads not reachable past Wagtail's document view."""

import re

import requests

from tests.production.client import Client

PUBLIC_PAGES = ("/", "/agenda/", "/zoeken/?q=wandelen", "/en/")


def test_plain_http_moves_to_https_but_the_health_probe_stays(cluster):
    plain = f"http://127.0.0.1:{cluster.http_port}"
    moved = requests.get(f"{plain}/agenda/?thema=bewegen", headers={"Host": "localhost"}, allow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["Location"] == "https://localhost/agenda/?thema=bewegen"

    probe = requests.get(f"{plain}/healthz", headers={"Host": "localhost"}, allow_redirects=False, timeout=10)
    assert probe.status_code == 200
    assert probe.json()["status"] in {"ok", "degraded"}
    assert "no-store" in probe.headers["Cache-Control"]


def test_public_pages_carry_the_security_headers(cluster):
    for path in PUBLIC_PAGES:
        response = Client(cluster).get(path)
        assert response.status_code == 200, path
        headers = response.headers
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000"), path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert "Server" not in headers or "nginx/" not in headers["Server"], path  # no version to look up
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy, path
        assert "camera=()" in headers["Permissions-Policy"], path
        # nginx's $request_id, passed on and echoed by the application (and in its log line).
        assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"]), path


def test_hashed_static_files_are_cached_for_good_and_compressed(cluster):
    home = Client(cluster).get("/")
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home.text)
    assert stylesheet, "no hashed stylesheet on the home page"

    response = Client(cluster).get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"


def test_a_body_over_the_limit_is_refused_by_nginx(cluster):
    response = Client(cluster).request("POST", "/zoeken/", data=b"x" * (26 * 1024 * 1024))
    assert response.status_code == 413


def test_uploaded_documents_are_only_reachable_through_wagtails_view(cluster):
    documents = cluster.workdir / "media" / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "verslag.pdf").write_bytes(b"%PDF-1.4 private")
    images = cluster.workdir / "media" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    assert Client(cluster).get("/media/documents/verslag.pdf").status_code == 404
    image = Client(cluster).get("/media/images/foto.png")
    assert image.status_code == 200
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in image.headers["Content-Security-Policy"]


# Made with the production settings, as an editor's upload is: a Document in MEDIA_ROOT/documents/.
ADD_VIDEO = (
    "from django.core.files.base import ContentFile; from wagtail.documents.models import Document; "
    "document = Document(title='Uitleg'); "
    "document.file.save('uitleg.webm', ContentFile(bytes(range(256)) * 40)); "
    "print(document.url, document.file.name)"
)


def test_a_video_is_sent_by_nginx_with_range_requests_after_wagtails_view(cluster):
    """Seeking, and Safari playing a video at all, need 206 answers. Wagtail's view checks privacy
    and counts; nginx sends the bytes from its internal location, which nobody reaches directly."""
    url, name = cluster.manage("shell", "-c", ADD_VIDEO).stdout.strip().splitlines()[-1].split()
    content = bytes(range(256)) * 40

    part = Client(cluster).get(url, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(content)}"
    assert part.content == content[1000:2000]
    assert part.headers["Content-Type"] == "video/webm"
    assert part.headers["Content-Security-Policy"] == "default-src 'none'"
    assert part.headers["X-Content-Type-Options"] == "nosniff"

    whole = Client(cluster).get(url)
    assert (whole.status_code, whole.content) == (200, content)
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert whole.headers["Content-Disposition"].startswith("attachment; filename=")

    assert (cluster.workdir / "media" / name).read_bytes() == content
    assert Client(cluster).get(f"/_documents/{name}").status_code == 404  # internal: only the view's redirect
