"""A new administrator's three commands on an empty production database, then the scheduler and the
worker import the new centre's feed on their own."""

from tests.production.client import Client
from tests.production.conftest import FEED_TITLES
from tests.production.database import imported_events, rows


def test_createsuperuser_and_onboarding_work_on_a_freshly_migrated_database(cluster):
    assert "Superuser created successfully" in cluster.fresh_start.createsuperuser
    assert "Inloophuis De Linde: created" in cluster.fresh_start.onboard
    assert "1 rows onboarded." in cluster.fresh_start.onboard
    # The migration made the home page the default site's root, with the agenda and centres under it.
    (root_type,) = rows(
        cluster,
        "SELECT ct.model FROM wagtailcore_site s JOIN wagtailcore_page p ON p.id = s.root_page_id"
        " JOIN django_content_type ct ON ct.id = p.content_type_id WHERE s.is_default_site",
    )
    assert root_type == ("homepage",)


def test_the_scheduler_and_the_worker_import_the_feed_as_drafts_for_review(cluster):
    events = imported_events(cluster, FEED_TITLES)

    assert sorted(events) == sorted(FEED_TITLES)
    assert not any(live for _id, live, _path in events.values())
    (status,) = rows(cluster, "SELECT status FROM agenda_pages_importrun ORDER BY id LIMIT 1")
    assert status == ("ok",)
    # Waiting for review: not on the public agenda.
    agenda = Client(cluster).get("/agenda/")
    assert agenda.status_code == 200
    assert not any(title in agenda.text for title in FEED_TITLES)
