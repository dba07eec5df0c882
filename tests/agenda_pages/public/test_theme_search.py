"""Themes are found by their names: the site search and the agenda's ``q`` ("vermoeidheid",
"lotgenoten") find the events carrying them, also when the words are nowhere in the event's text."""

from wagtail.search import index

from agenda_pages.models import Theme
from kankernl_site import page_cache
from tests.agenda_pages.factories import themes as theme_rows
from tests.agenda_pages.public.test_agenda_page import at, centres, clock, make_event  # noqa: F401


def titles(response) -> list[str]:
    return [page.title for page in response.context["search_results"]]


def test_the_site_search_finds_events_by_their_themes_names(client, centres):  # noqa: F811
    events = [
        make_event(centres["utrecht"], "Avond met Marieke", [at(24)], themes=["vermoeidheid"]),
        make_event(centres["utrecht"], "Koffie-uur", [at(25)], themes=["lotgenotencontact"]),
    ]
    # Indexed again as the queued index task does after a publish: this helper adds the themes
    # after the page's first save, whose index entry does not have them yet.
    for event in events:
        index.insert_or_update_object(event)

    assert titles(client.get("/zoeken/", {"q": "vermoeidheid"})) == ["Avond met Marieke"]
    assert titles(client.get("/zoeken/", {"q": "Lotgenotencontact"})) == ["Koffie-uur"]


def test_the_agenda_q_finds_events_by_a_themes_name_in_either_language(client, agenda, centres):  # noqa: F811
    make_event(centres["utrecht"], "Avond met Marieke", [at(24)], themes=["vermoeidheid", "lotgenotencontact"])
    make_event(centres["zwolle"], "Schilderen", [at(25)], themes=["creatief"])
    make_event(centres["zwolle"], "Zomaar", [at(26)], themes=theme_rows("Anders") and ["anders"])

    def listed(query):
        html = client.get("/agenda/", {"q": query}).content.decode()
        return [title for title in ("Avond met Marieke", "Schilderen", "Zomaar") if f">{title}</a>" in html]

    assert listed("lotgenoten") == ["Avond met Marieke"]  # once, though it has two themes
    assert listed("vermoeidheid") == ["Avond met Marieke"]
    assert listed("fatigue") == ["Avond met Marieke"]
    assert listed("creatief") == ["Schilderen"]


def test_a_themes_new_name_makes_the_cached_pages_stale(db, django_capture_on_commit_callbacks):
    before = page_cache.current_version()
    theme = Theme.objects.get(slug="bewegen")
    theme.label_nl = "Bewegen"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    assert page_cache.current_version() > before
