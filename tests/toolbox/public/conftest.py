import pytest
from wagtail.search import index

from tests.toolbox.factories import audience, make_item, make_topic_page
from toolbox.models import ItemKind


def publish_with_topics(item, *topic_pages):
    item.topics.set([page.topic for page in topic_pages])
    item.save_revision().publish()
    return item


@pytest.fixture
def searchable(toolbox_index, topic_page):
    """Four items over two topics, four kinds, two audiences and three regions."""
    mdo = make_topic_page(toolbox_index, "mdo", "MDO en expertpanels")
    board, coordinator = audience("bestuurder", "Bestuurder"), audience("coordinator", "Coördinator")
    items = {
        "key": make_item(
            topic_page,
            "Verdeelsleutel ziekenhuizen",
            kind=ItemKind.GOOD_PRACTICE,
            region="gelderland",
            audiences=[board],
            intro="Hoe vier ziekenhuizen de kosten delen.",
            network="Netwerk Oost",
            lessons="Begin klein met financieren van het overleg.",
        ),
        "mdo": make_item(
            topic_page,
            "MDO bekostigen",
            kind=ItemKind.TIP,
            audiences=[board, coordinator],
            intro="Zo regelt u de vergoeding van het overleg.",
        ),
        "privacy": make_item(
            mdo, "Privacy bij het MDO", kind=ItemKind.BACKGROUND, audiences=[coordinator], intro="Wat mag wel."
        ),
        "grant": make_item(
            topic_page, "Subsidie aanvragen", kind=ItemKind.TOOL, region="limburg", intro="Een sjabloon."
        ),
    }
    publish_with_topics(items["mdo"], topic_page, mdo)
    items["key"].tags.add("begroting")
    items["key"].save_revision().publish()
    # The tests run tasks at once, so the item was indexed when it was saved, before its tags were;
    # the site's worker indexes after the commit, with the tags.
    index.insert_or_update_object(items["key"])
    return items
