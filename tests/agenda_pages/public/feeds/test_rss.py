"""``<agenda>/rss/``: the agenda's selection for feed readers, each activity once or every date."""

import datetime as dt

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from .conftest import PUBLISHED, at, make_event, weekly

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]


def channel(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ElementTree.fromstring(response.content).find("channel")


def items(response) -> list[dict[str, str]]:
    return [{child.tag: child.text for child in item} for item in channel(response).findall("item")]


def titles(response) -> list[str]:
    return [item["title"] for item in items(response)]


def test_each_activity_once_with_its_rhythm_and_next_date(client, agenda, centres):
    group = make_event(centres["utrecht"], "Wandelgroep", weekly(at(10, 6), 8), themes=["bewegen"])
    talk = make_event(centres["zwolle"], "Lezing", [at(10, 8, 19)])

    response = client.get("/agenda/rss/")

    feed = channel(response)
    assert feed.find("title").text == "Agenda"
    assert feed.find("link").text == "http://testserver/agenda/"
    assert feed.find("language").text == "nl"
    assert feed.find("description").text.startswith("Activiteiten")
    walk, lecture = items(response)
    assert (walk["title"], lecture["title"]) == ("Wandelgroep", "Lezing")
    assert walk["link"] == f"http://testserver{group.url}"
    assert walk["guid"] == f"event-{group.pk}-series@localhost"
    assert walk["pubDate"] == "Tue, 01 Sep 2026 12:00:00 +0000"
    assert walk["description"] == (
        "<p>Elke dinsdag</p><p>Volgende keer: dinsdag 6 oktober 2026, 10:00\N{EN DASH}11:30</p>"
        "<p>Inloophuis De Boei, Utrecht</p><p>Bewegen en sport</p>"
    )
    assert walk["category"] == "Bewegen en sport"
    assert lecture["description"].startswith("<p>donderdag 8 oktober 2026, 19:00\N{EN DASH}20:30</p>")
    assert lecture["guid"] == f"event-{talk.pk}-series@localhost"
    assert not response.cookies


def test_every_date_when_asked(client, agenda, centres):
    group = make_event(centres["utrecht"], "Wandelgroep", weekly(at(10, 6), 3), cancelled={at(10, 13)})

    response = client.get("/agenda/rss/?show=dates")

    assert titles(response) == ["Wandelgroep", "Geannuleerd: Wandelgroep", "Wandelgroep"]
    assert [item["guid"] for item in items(response)] == [
        f"event-{group.pk}-{stamp}@localhost" for stamp in ("20261006T080000Z", "20261013T080000Z", "20261020T080000Z")
    ]
    assert channel(response).find("{http://www.w3.org/2005/Atom}link").get("href") == (
        "http://testserver/agenda/rss/?show=dates"
    )


def test_in_english_on_the_english_agenda(client, english_agenda, centres):
    make_event(centres["utrecht"], "Wandelgroep", weekly(at(10, 6), 4), themes=["bewegen"])

    response = client.get("/en/agenda/rss/?theme=bewegen")

    feed = channel(response)
    assert feed.find("title").text == "Agenda: Exercise and sport"
    assert feed.find("language").text == "en"
    assert feed.find("link").text == "http://testserver/en/agenda/?theme=bewegen"
    [item] = items(response)
    assert item["link"].startswith("http://testserver/en/centra/")
    assert item["description"].startswith("<p>Every Tuesday</p><p>Next time: Tuesday 6 October 2026")


def test_drafts_pending_changes_withdrawn_dates_and_private_pages_are_left_out(client, agenda, centres):
    make_event(centres["utrecht"], "Concept", [at(10, 8)], live=False)
    make_event(centres["utrecht"], "Teruggetrokken", [at(10, 8)]).occurrences.update(status="withdrawn")
    live = make_event(centres["utrecht"], "Lezing", [at(10, 8)])
    live.title = "Lezing (nog niet goedgekeurd)"
    live.save_revision()
    private = make_event(centres["zwolle"], "Besloten groep", [at(10, 9)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for query in ("", "?show=dates"):
        assert titles(client.get(f"/agenda/rss/{query}")) == ["Lezing"]


def test_hostile_text_is_escaped_for_xml_and_html(client, agenda, centres):
    make_event(centres["utrecht"], "<script>alert(1)</script> & <b>vet</b>\x01\x0c", [at(10, 8)])

    response = client.get("/agenda/rss/")

    body = response.content.decode()
    assert "<script>" not in body and "\x01" not in body and "\x0c" not in body
    [item] = items(response)  # parses: no character XML cannot hold
    # As Django's own feeds do: the title is HTML-escaped text, so a reader shows the tags as text.
    assert item["title"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;"


def test_filters_apply_and_a_bad_value_is_dropped(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelgroep", [at(10, 8)], themes=["bewegen"])
    make_event(centres["zwolle"], "Schilderen", [at(10, 9)], themes=["creatief"], mode="online")

    assert titles(client.get("/agenda/rss/?theme=bewegen")) == ["Wandelgroep"]
    assert titles(client.get("/agenda/rss/?near=Zwolle&radius=10")) == ["Schilderen"]
    assert titles(client.get("/agenda/rss/?mode=online")) == ["Schilderen"]
    assert titles(client.get("/agenda/rss/?from=2026-10-09")) == ["Schilderen"]
    assert titles(client.get("/agenda/rss/?centre=de-boei&to=2026-10-08")) == ["Wandelgroep"]
    bad = "/agenda/rss/?theme=nee&near=Atlantis&from=morgen&show=x"
    assert titles(client.get(bad)) == ["Wandelgroep", "Schilderen"]


def test_the_query_count_does_not_grow_with_the_number_of_activities(client, agenda, centres, route_cache_on_and_off):
    def add(count, first=0):
        for n in range(first, first + count):
            make_event(centres["utrecht"], f"Groep {n}", weekly(at(10, 6 + n % 7), 6), themes=["bewegen"])

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2)
    urls = ["/agenda/rss/", "/agenda/rss/?show=dates&theme=bewegen"]
    for url in urls:
        client.get(url)
    small = [count(url) for url in urls]
    add(30, first=2)
    assert [count(url) for url in urls] == small
    assert len(items(client.get("/agenda/rss/"))) == 32
    # Routing (7 queries, 3 with the route cache), the names of the themes and centres, the activities
    # and their next dates (one query for every date instead), their series, themes and centres (as the
    # agenda), the import runs and the page history.
    assert small == {"off": [16, 15], "on": [12, 11]}[route_cache_on_and_off]


def test_pub_date_is_the_last_publication(client, agenda, centres):
    event = make_event(centres["utrecht"], "Lezing", [at(10, 8)])
    assert items(client.get("/agenda/rss/"))[0]["pubDate"] == "Tue, 01 Sep 2026 12:00:00 +0000"
    event.last_published_at = PUBLISHED + dt.timedelta(days=3)
    event.save()
    assert items(client.get("/agenda/rss/"))[0]["pubDate"] == "Fri, 04 Sep 2026 12:00:00 +0000"
