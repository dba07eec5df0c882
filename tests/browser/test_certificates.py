"""The e-learning's certificate and handout in a real browser: each prints on one A4 page (the
certificate landscape) with a QR code that scans to its address, and the certificate, its check and
the handout pass axe at 360 and 1280 px without sideways scrolling."""

from datetime import date

import pypdfium2
import pytest
import time_machine
import zxingcpp
from django.http import HttpResponse

from elearning_pages.learning.identity import remember
from elearning_pages.models import Certificate, Learner
from tests.browser.test_accessibility import describe_violations, run_axe
from tests.elearning_pages.certificates.conftest import finish_course
from tests.elearning_pages.factories import lesson_body, make_course, make_course_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HANDOUT_ID = "6f1c2d3e-4b5a-4c6d-8e7f-001122334455"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel("2026-12-07T10:00:00Z", tick=True):
        yield


@pytest.fixture
def course(site_home):
    course = make_course(make_course_index(site_home), lessons=2)
    lesson = course.lessons().first()
    lesson.body = [
        *lesson_body(with_video=False),
        {
            "type": "handout",
            "id": HANDOUT_ID,
            "value": {
                "title": "Zo vindt u betrouwbare informatie over kanker",
                "intro": "Op internet staat veel over kanker. Niet alles klopt. Zo vindt u wat u kunt vertrouwen.",
                "steps": [
                    "Scan de code onderaan met de camera van uw telefoon, of typ het adres.",
                    "Kies de soort kanker waar u meer over wilt weten.",
                    "Kijk onderaan de tekst wie hem heeft gecontroleerd en wanneer.",
                    "Twijfelt u? Vraag het aan uw arts, of aan de gastvrouw of gastheer in het centrum.",
                    "Schrijf uw vragen op, zodat u ze niet vergeet bij uw volgende afspraak.",
                    "Praat erover met iemand die u vertrouwt.",
                    "Neem de tijd: u hoeft niet alles in één keer te lezen.",
                    "Kom gerust nog eens langs in het centrum.",
                ],
                "link": {"text": "Kanker.nl", "page": None, "url": "https://www.kanker.nl/kankersoorten"},
            },
        },
    ]
    lesson.save_revision().publish()
    return course


@pytest.fixture
def certificate(course):
    learner = Learner.objects.create()
    finish_course(learner, course)
    return Certificate.objects.create(
        code="K7PMX3QA",
        name="Anna-Maria van der Berg-Çelik",
        course_key=course.translation_key,
        course_title=course.title,
        issued_on=date(2026, 12, 7),
        learner=learner,
    )


def open_as_learner(new_page, live_server, learner, path, **options):
    page = new_page(**options)
    cookie = remember(HttpResponse(), learner).cookies["leerling"].value
    page.context.add_cookies([{"name": "leerling", "value": cookie, "url": live_server.url}])
    response = page.goto(f"{live_server.url}{path}")
    return page, response


def printed(page) -> pypdfium2.PdfDocument:
    page.emulate_media(media="print")
    return pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))


def test_the_certificate_prints_on_one_landscape_page_with_a_code_that_scans(
    new_page, live_server, course, certificate, screenshot_path
):
    page, response = open_as_learner(new_page, live_server, certificate.learner, f"{course.url}certificaat/")
    assert response.status == 200

    document = printed(page)

    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    image = document[0].render(scale=200 / 72).to_pil()
    image.save(screenshot_path("certificate-pdf.png"))
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [
        f"{live_server.url}/e-learning/certificaat/K7PM-X3QA/"
    ]
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "Anna-Maria van der Berg-Çelik" in text and course.title in text and "7 december 2026" in text
    assert "Zoeken" not in text  # only the certificate: no header, no form


def test_the_handout_prints_on_one_portrait_page_with_a_code_that_scans(
    new_page, live_server, course, screenshot_path
):
    page = new_page()
    page.goto(f"{live_server.url}{course.lessons().first().url}handout/{HANDOUT_ID}/")

    document = printed(page)

    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    image = document[0].render(scale=200 / 72).to_pil()
    image.save(screenshot_path("handout-pdf.png"))
    assert [found.text for found in zxingcpp.read_barcodes(image)] == ["https://www.kanker.nl/kankersoorten"]
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "kanker.nl/kankersoorten" in text and "Kom gerust nog eens langs" in text


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("which", ["certificate", "verify", "verify-unknown", "verify-form", "still-open", "handout"])
def test_no_axe_violations_and_no_sideways_scrolling(
    new_page, live_server, course, certificate, width, which, axe_script, screenshot_path
):
    paths = {
        "certificate": f"{course.url}certificaat/",
        "still-open": f"{course.url}certificaat/",
        "verify": "/e-learning/certificaat/K7PM-X3QA/",
        "verify-unknown": "/e-learning/certificaat/ABCD-2345/",
        "verify-form": "/e-learning/certificaat/?code=nope",
        "handout": f"{course.lessons().first().url}handout/{HANDOUT_ID}/",
    }
    learner = certificate.learner if which == "certificate" else Learner.objects.create()
    page, _response = open_as_learner(
        new_page, live_server, learner, paths[which], viewport={"width": width, "height": 800}
    )

    violations = run_axe(page, axe_script)

    assert violations == [], describe_violations(violations)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width
    page.screenshot(path=screenshot_path(f"{which}-{width}.png"), full_page=True)
