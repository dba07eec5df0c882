"""The toolbox search and the overview take the same number of queries for 10 and for 200 items."""

import pytest
from django.utils import timezone

from tests.toolbox.factories import audience, make_topic_page
from toolbox.models import ItemKind, ToolboxItemPage
from usage.models import PageViewDay

pytestmark = pytest.mark.django_db


def _fill(index, count):
    """``count`` live items over three topics, all kinds and two audiences, each read once; saved
    without revisions, which the search does not read."""
    topics = [make_topic_page(index, f"thema-{n}", f"Thema {n}") for n in range(3)]
    audiences = [audience(), audience("arts", "Medisch specialist")]
    kinds = list(ItemKind)
    for n in range(count):
        item = ToolboxItemPage(
            title=f"Overleg {n:03}", slug=f"overleg-{n}", kind=kinds[n % 4], intro="Over het regionaal overleg."
        )
        item.topics.set([topics[n % 3].topic])
        item.audiences.set(audiences[: 1 + n % 2])
        topics[n % 3].add_child(instance=item)
        item.tags.add("mdo")
        item.save()
        PageViewDay.objects.create(page=item, day=timezone.localdate(), views=1 + n % 7)


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize(
    "params",
    [
        {"q": "overleg", "topic": ["thema-0", "thema-1"], "audience": "bestuurder"},
        {"kind": "tip", "region": "landelijk"},
    ],
    ids=["words-and-filters", "filters-only"],
)
def test_a_search_takes_the_same_queries_for_10_and_200_items(
    client, toolbox_index, count, params, django_assert_num_queries
):
    _fill(toolbox_index, count)
    url = f"{toolbox_index.url}zoeken/"
    client.get(url, params)  # warm Wagtail's site and route caches; the term's first log creates it
    with django_assert_num_queries(QUERIES_ON_A_SEARCH + ("q" in params) * QUERIES_TO_LOG_A_SEARCH):
        response = client.get(url, params)
    assert response.status_code == 200
    assert len(response.context["results"]) == (10 if count == 200 else response.context["result_count"])


# Routing, the site and the page; the vocabulary (topics, audiences); the view restrictions of the
# items; the four facet counts; the page of results with its audiences and tags; the site's frame
# (menu, language links, footer). The number of results comes from the counts, not a query of its own.
QUERIES_ON_A_SEARCH = 23
# The logged term (Wagtail's Query), its daily hits (read and add), the day's outcome.
QUERIES_TO_LOG_A_SEARCH = 4


@pytest.mark.parametrize("count", [10, 200])
def test_the_overview_takes_the_same_queries_for_10_and_200_items(
    client, toolbox_index, count, django_assert_num_queries
):
    _fill(toolbox_index, count)
    client.get(toolbox_index.url)
    with django_assert_num_queries(QUERIES_ON_THE_OVERVIEW):
        html = client.get(toolbox_index.url).content.decode()
    assert 'id="toolbox-most-used"' in html and 'id="toolbox-newest"' in html


QUERIES_ON_THE_OVERVIEW = 20  # as in tests/toolbox/test_pages.py
