"""Handouts: the box in the lesson, and the printed guide with a QR code to the page it is about."""

import uuid

import pytest
import zxingcpp
from django.test import RequestFactory

from tests.elearning_pages.factories import lesson_body
from tests.kankernl_site.test_qr import svg_image

pytestmark = pytest.mark.django_db

STEPS = ["Ga naar de agenda.", "Kies uw centrum.", "Kijk wat er deze week is."]


def handout_block(link: dict, block_id: str | None = None) -> dict:
    return {
        "type": "handout",
        "id": block_id or str(uuid.uuid4()),
        "value": {
            "title": "Zo vindt u een activiteit",
            "intro": "In de agenda staat wat er in de centra te doen is.",
            "steps": STEPS,
            "link": {"text": "De agenda", "page": None, "url": "", **link},
        },
    }


@pytest.fixture
def lesson(course):
    lesson = course.lessons().first()
    lesson.body = [
        *lesson_body(with_video=False),
        handout_block({"page": course.pk}, "1b8f4c2e-0000-4000-8000-000000000001"),
        handout_block({"url": "https://www.kanker.nl/"}, "1b8f4c2e-0000-4000-8000-000000000002"),
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def test_the_handout_page_has_the_steps_in_order_and_the_address_written_out(client, lesson, course):
    response = client.get(f"{lesson.url}handout/1b8f4c2e-0000-4000-8000-000000000001/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Zo vindt u een activiteit" in html
    steps = html[html.index('<ol class="handout__steps">') : html.index("</ol>")]
    assert [steps.index(step) for step in STEPS] == sorted(steps.index(step) for step in STEPS)
    assert f'href="http://testserver{course.url}"' in html
    assert f">testserver{course.url}</a>" in html  # the address as a guest types it
    assert f'href="{lesson.url}"' in html  # the way back, on screen only
    assert "js/print-button.js" in html and "print-sheet" in html


def test_its_qr_code_holds_the_absolute_address_of_the_page(client, lesson, course):
    html = client.get(f"{lesson.url}handout/1b8f4c2e-0000-4000-8000-000000000001/").content.decode()

    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert zxingcpp.read_barcodes(svg_image(svg, 4))[0].text == f"http://testserver{course.url}"


def test_a_handout_about_another_website_leads_there(client, lesson):
    html = client.get(f"{lesson.url}handout/1b8f4c2e-0000-4000-8000-000000000002/").content.decode()

    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert zxingcpp.read_barcodes(svg_image(svg, 4))[0].text == "https://www.kanker.nl/"
    assert ">kanker.nl</a>" in html


@pytest.mark.parametrize(
    "block_id",
    [
        "1b8f4c2e-0000-4000-8000-000000000009",  # no such block
        "not-a-block",
    ],
)
def test_an_unknown_handout_is_a_404(client, lesson, block_id):
    assert client.get(f"{lesson.url}handout/{block_id}/").status_code == 404


def test_a_question_is_no_handout(client, lesson):
    question = lesson.question_blocks()[0]

    assert client.get(f"{lesson.url}handout/{question.id}/").status_code == 404


def test_the_box_in_the_lesson_shows_the_handout_and_links_to_its_printable_page(lesson):
    block = next(block for block in lesson.body if block.block_type == "handout")
    request = RequestFactory().get(lesson.url)

    html = block.render(context={"page": lesson, "request": request})

    assert "Zo vindt u een activiteit" in html and "In de agenda staat" in html
    assert all(step in html for step in STEPS)
    assert f'href="{lesson.url}handout/{block.id}/"' in html


def test_the_box_has_no_link_where_there_is_no_page(lesson):
    block = next(block for block in lesson.body if block.block_type == "handout")

    html = block.render(context={})

    assert "Zo vindt u een activiteit" in html and "handout/" not in html
