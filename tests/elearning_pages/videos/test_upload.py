"""An editor can upload a video as a document (the video block's "Video file")."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["les.webm", "les.mp4"])
def test_a_video_file_is_accepted_as_a_document(name):
    form_class = get_document_form(Document)
    upload = SimpleUploadedFile(name, b"\x1aE\xdf\xa3 video bytes", content_type="video/webm")
    form = form_class({"title": "Les 1"}, {"file": upload})
    assert form.is_valid(), form.errors
