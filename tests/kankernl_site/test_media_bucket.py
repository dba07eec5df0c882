"""Media in an S3-compatible bucket, the whole way round against a real S3 endpoint on loopback
(tests/s3_server.py): the storage the settings build from the environment (``media_storage``),
an editor's uploads through Wagtail's admin, no upload overwriting another, documents still passing
Wagtail's view (privacy, the download count) before the bucket sends them, with range requests,
and image renditions written to the bucket."""

import io

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from kankernl_site.settings.services import media_storage
from tests.s3_server import CREDENTIALS, REGION, S3Server
from usage.models import DownloadDay

pytestmark = pytest.mark.django_db

VIDEO = bytes(range(256)) * 40
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def bucket(monkeypatch, settings):
    with S3Server("kankernl-media") as server:
        for name, value in {
            **CREDENTIALS,
            "AWS_STORAGE_BUCKET_NAME": server.bucket,
            "AWS_S3_ENDPOINT_URL": server.url,
            "AWS_S3_REGION_NAME": REGION,
        }.items():
            monkeypatch.setenv(name, value)
        storages = {**settings.STORAGES, "default": media_storage()}
        with override_settings(STORAGES=storages, WAGTAILDOCS_SERVE_METHOD="redirect"):
            yield server


def upload_document(client, name: str, content: bytes) -> Document:
    response = client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.latest("pk")


def test_uploads_go_to_the_bucket_and_never_overwrite(bucket, admin_client):
    first = upload_document(admin_client, "programma.pdf", b"%PDF-1.4 eerste")
    second = upload_document(admin_client, "programma.pdf", b"%PDF-1.4 tweede")

    assert first.file.name != second.file.name
    assert bucket.object_keys() == sorted([first.file.name, second.file.name])
    objects = bucket.client()
    assert objects.get_object(Bucket=bucket.bucket, Key=first.file.name)["Body"].read() == b"%PDF-1.4 eerste"
    assert objects.get_object(Bucket=bucket.bucket, Key=second.file.name)["Body"].read() == b"%PDF-1.4 tweede"


def test_a_document_passes_wagtails_view_then_the_bucket_sends_it_in_ranges(bucket, admin_client, client):
    video = upload_document(admin_client, "uitleg.webm", VIDEO)

    response = client.get(video.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{bucket.url}/{bucket.bucket}/{video.file.name}?")
    assert "X-Amz-Signature=" in location or "Signature=" in location  # a private bucket: signed
    assert DownloadDay.objects.get(document=video).downloads == 1  # counted on the way

    assert requests.get(location, timeout=10).content == VIDEO
    part = requests.get(location, headers={"Range": "bytes=1000-1999"}, timeout=10)
    assert part.status_code == 206
    assert part.content == VIDEO[1000:2000]

    unsigned = location.split("?")[0]
    assert requests.get(unsigned, timeout=10).status_code == 403  # not readable without the signature


def test_image_renditions_are_written_to_the_bucket(bucket):
    picture = io.BytesIO()
    PILImage.new("RGB", (640, 480), "purple").save(picture, "PNG")
    image = Image.objects.create(title="Inloophuis", file=SimpleUploadedFile("inloophuis.png", picture.getvalue()))

    rendition = image.get_rendition("fill-320x240")

    assert rendition.file.name in bucket.object_keys()
    assert image.file.name in bucket.object_keys()
    assert requests.get(rendition.url, timeout=10).status_code == 200
