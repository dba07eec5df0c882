from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from home.demo import ensure_translation
from home.models import HomePage
from tests.toolbox.factories import audience, make_index, make_item, make_topic_page, text_document
from toolbox.models import ItemKind, ToolboxIndexPage, ToolboxItemPage, ToolboxRelatedItem, ToolboxTopicPage
from usage.models import PageViewDay

pytestmark = pytest.mark.django_db


def test_the_overview_shows_topics_and_newest_items(client, toolbox_index, topic_page):
    make_item(topic_page, "MDO bekostigen", audiences=[audience()])
    response = client.get(toolbox_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Financieringsvormen" in html
    assert "MDO bekostigen" in html
    assert "Bestuurder" in html


def test_a_topic_page_lists_its_items_with_kind(client, topic_page):
    make_item(topic_page, "Subsidie aanvragen", kind=ItemKind.GOOD_PRACTICE)
    response = client.get(topic_page.url)
    assert response.status_code == 200
    assert "Subsidie aanvragen" in response.content.decode()
    assert "toolbox-card__kind" in response.content.decode()


@time_machine.travel("2026-03-01 10:00 +01:00", tick=False)
def test_an_item_shows_its_facts_documents_and_last_check(client, topic_page):
    item = make_item(
        topic_page,
        "Regionaal expertpanel",
        kind=ItemKind.GOOD_PRACTICE,
        network="Netwerk Oost",
        lessons="Begin klein.",
        is_example=True,
        last_reviewed_at=date(2026, 2, 14),
        documents=[text_document()],
    )
    html = client.get(item.url).content.decode()
    assert "toolbox-notice--example" in html
    assert "<dd>Netwerk Oost</dd>" in html
    assert "Begin klein." in html
    assert ">Sjabloon</a>" in html and "(CSV, 13" in html
    assert "14 februari 2026" in html
    assert "toolbox-notice--stale" not in html
    assert 'id="nuttig"' in html


def test_an_item_overdue_for_long_tells_the_reader(client, topic_page):
    item = make_item(topic_page, "Oude regeling", last_reviewed_at=date(2025, 1, 10))  # due 2026-01-10
    with time_machine.travel("2026-04-09 10:00 +02:00", tick=False):
        assert "toolbox-notice--stale" not in client.get(item.url).content.decode()
    with time_machine.travel("2026-04-11 10:00 +02:00", tick=False):
        assert "toolbox-notice--stale" in client.get(item.url).content.decode()


def test_the_stale_notice_period_is_a_setting(client, topic_page, settings):
    settings.TOOLBOX_STALE_NOTICE_MONTHS = 1
    item = make_item(topic_page, "Oude regeling", last_reviewed_at=date(2025, 1, 10))
    with time_machine.travel("2026-02-11 10:00 +01:00", tick=False):
        assert "toolbox-notice--stale" in client.get(item.url).content.decode()


def test_an_item_without_example_flag_has_no_example_notice(client, topic_page):
    item = make_item(topic_page, "Echte tip")
    assert "toolbox-notice--example" not in client.get(item.url).content.decode()


def test_public_toolbox_pages_set_no_cookie(client, toolbox_index, topic_page):
    item = make_item(topic_page, "MDO bekostigen")
    for page in (toolbox_index, topic_page, item):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
        assert not response.cookies


def _fill(index, count):
    topics = [make_topic_page(index, f"thema-{n}", f"Thema {n}") for n in range(3)]
    for n in range(count):
        item = make_item(topics[n % 3], f"Item {n}", audiences=[audience(), audience("arts", "Medisch specialist")])
        PageViewDay.objects.create(page=item, day=timezone.localdate(), views=n + 1)  # "Often read" lists them


@pytest.mark.parametrize("count", [10, 30])
def test_the_overview_takes_the_same_queries_for_10_and_30_items(
    client, toolbox_index, count, django_assert_num_queries
):
    _fill(toolbox_index, count)
    client.get(toolbox_index.url)  # warm Wagtail's site and route caches
    with django_assert_num_queries(QUERIES_ON_THE_OVERVIEW):
        assert client.get(toolbox_index.url).status_code == 200


# Wagtail's routing, the site, the page and its three listings (newest, most read) with their
# prefetches; none per item.
QUERIES_ON_THE_OVERVIEW = 20


@pytest.mark.parametrize("count", [10, 30])
def test_a_topic_page_takes_the_same_queries_for_10_and_30_items(client, topic_page, count, django_assert_num_queries):
    for n in range(count):
        make_item(topic_page, f"Item {n}", audiences=[audience(), audience("arts", "Medisch specialist")])
    client.get(topic_page.url)  # warm Wagtail's site and route caches
    with django_assert_num_queries(QUERIES_ON_A_TOPIC_PAGE):
        assert client.get(topic_page.url).status_code == 200


# Routing, the site and the page, its items and their audiences in one prefetch, the overview above
# it (the way back and the search's address) and its topic (the search box's filter).
QUERIES_ON_A_TOPIC_PAGE = 20


def test_an_overview_without_items_shows_its_topics_only(client, toolbox_index, topic_page):
    response = client.get(toolbox_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Financieringsvormen" in html
    assert 'id="toolbox-newest"' not in html


def test_an_overview_without_topics_or_items_still_answers(client, toolbox_index):
    response = client.get(toolbox_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Toolbox oncologienetwerken" in html
    assert 'id="toolbox-topics"' not in html and 'id="toolbox-newest"' not in html


def test_an_empty_topic_page_says_so(client, topic_page):
    assert "In dit thema staat nog niets." in client.get(topic_page.url).content.decode()


def test_an_item_without_topics_audiences_tags_or_documents(client, topic_page):
    item = make_item(topic_page, "Kale tip", last_reviewed_at=None)
    item.topics.set([])
    item.save_revision().publish()
    # Publishing records a check; an item never checked is one from before checks were recorded.
    ToolboxItemPage.objects.filter(pk=item.pk).update(last_reviewed_at=None, next_review_on=None)
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="toolbox-documents"' not in html
    assert 'id="toolbox-related"' not in html
    assert "toolbox-reviewed" not in html
    assert "<dt>Voor</dt>" not in html
    assert "<dt>Regio</dt><dd>Landelijk</dd>" in html  # a tip still says where it applies


def test_an_item_whose_owner_was_deleted_stays_online(client, topic_page, django_user_model):
    owner = django_user_model.objects.create_user("eigenaar", "eigenaar@example.org", "geheim-123")
    group = Group.objects.create(name="Redactie netwerken")
    item = make_item(topic_page, "Zonder eigenaar", owner_user=owner, owner_group=group)
    owner.delete()
    group.delete()
    item.refresh_from_db()
    assert item.owner_user is None and item.owner_group is None
    assert item.next_review_on == date(2027, 1, 15)  # still due for review: the report will show it
    assert client.get(item.url).status_code == 200


@pytest.fixture
def english_topic_page(demo_site, locales):
    """A Dutch toolbox with one topic, both translated into English; the items stay Dutch."""
    home = HomePage.objects.get(depth=2, locale=locales["nl"])
    index = make_index(home)
    topic_page = make_topic_page(index)
    en = locales["en"]
    index_en = ToolboxIndexPage(title="Network toolbox", slug="toolbox")
    index_en = ensure_translation(index, home.get_translation(en), index_en, en)[0]
    topic_en = ToolboxTopicPage(title="Financing forms", slug="financing-forms", topic=topic_page.topic)
    return topic_page, ensure_translation(topic_page, index_en, topic_en, en)[0]


def test_an_english_topic_page_lists_the_untranslated_dutch_items(client, english_topic_page):
    topic_page, topic_en = english_topic_page
    item = make_item(topic_page, "MDO bekostigen", audiences=[audience("bestuurder", "Bestuurder")])
    response = client.get(topic_en.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and "Financing forms" in html and "In this topic" in html
    assert f'<a href="/en{item.url}" lang="nl">MDO bekostigen</a>' in html
    assert '<p lang="nl">Zo regelt u het.</p>' in html

    item_page = client.get(f"/en{item.url}").content.decode()  # served from the Dutch tree
    assert f'<a href="{topic_en.url}">Financing forms</a>' in item_page


def test_an_english_topic_page_shows_a_translated_item_once(client, english_topic_page):
    topic_page, topic_en = english_topic_page
    item = make_item(topic_page, "MDO bekostigen")
    item_en = ToolboxItemPage(title="Paying for the MDT", slug="paying-for-the-mdt", intro="How to arrange it.")
    item_en, _made = ensure_translation(item, topic_en, item_en, topic_en.locale)
    html = client.get(topic_en.url).content.decode()
    assert f'<a href="{item_en.url}">Paying for the MDT</a>' in html
    assert "MDO bekostigen" not in html
    assert "MDO bekostigen" in client.get(topic_page.url).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_an_item_takes_the_same_queries_for_1_and_3_downloads_audiences_and_related_items(
    client, topic_page, count, django_assert_num_queries
):
    related = [make_item(topic_page, f"Verwant {n}") for n in range(count)]
    item = make_item(
        topic_page,
        "MDO bekostigen",
        audiences=[audience(f"doelgroep-{n}", f"Doelgroep {n}") for n in range(count)],
        documents=[text_document(f"sjabloon-{n}.csv") for n in range(count)],
    )
    # The editor put them in the reverse order (the page editor numbers them as it saves).
    item.related_items = [ToolboxRelatedItem(item=other, sort_order=n) for n, other in enumerate(reversed(related))]
    item.tags.add(*(f"label {n}" for n in range(count)))
    item.save_revision().publish()
    client.get(item.url)  # warm Wagtail's site and route caches
    with django_assert_num_queries(QUERIES_ON_AN_ITEM) as captured:
        html = client.get(item.url).content.decode()
    assert html.count("Verwant ") == count and 'id="nuttig"' in html
    shown = [html.index(f">Verwant {n}</a>") for n in reversed(range(count))]
    assert shown == sorted(shown), "related items keep the editor's order"
    # "Was dit nuttig?" and the view counter read nothing from the database.
    assert not [query for query in captured.captured_queries if "usage_" in query["sql"]]


# Routing, the site and the page; its downloads, related items, audiences and tags; the parent and the menu.
QUERIES_ON_AN_ITEM = 22
