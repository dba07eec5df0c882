"""The private library calls in kankernl_site/private_api.py still do what the public API does.

An upgrade of Wagtail, treebeard or Django that renames or changes one of them fails here.
"""

import pytest
from django.db.models.query import QuerySet
from wagtail.models import Page

from home.models import StandardPage
from kankernl_site.private_api import insert_child_table_rows, next_child_paths
from tests.home.factories import StandardPageFactory

# --- treebeard paths / bulk page creation ---


def test_the_private_treebeard_and_django_attributes_still_exist():
    assert callable(Page._str2int) and callable(Page._get_path)
    assert isinstance(Page.steplen, int)
    assert callable(QuerySet._insert)


@pytest.mark.parametrize("existing_children", [0, 2])
def test_next_child_paths_are_the_paths_add_child_gives(site_home, existing_children):
    for number in range(existing_children):
        StandardPageFactory(parent=site_home, title=f"Bestaand {number}")
    site_home.refresh_from_db()
    last = site_home.get_last_child()
    predicted = next_child_paths(site_home, last.path if last else None, 3)

    made = [StandardPageFactory(parent=site_home, title=f"Nieuw {number}") for number in range(3)]
    assert predicted == [page.path for page in made]


def test_a_child_table_row_inserted_after_its_page_row_makes_the_whole_page(site_home):
    page = StandardPage(title="Over ons", slug="over-ons", intro="Wie wij zijn.", live=False)
    page.path = next_child_paths(site_home, None, 1)[0]
    page.depth, page.numchild = site_home.depth + 1, 0
    page.url_path = f"{site_home.url_path}over-ons/"
    page.locale_id = site_home.locale_id
    page.content_type_id = StandardPage().content_type_id
    Page.objects.bulk_create([page])
    page.page_ptr_id = page.id  # bulk_create set the page id, not the link to it

    insert_child_table_rows(StandardPage, [page])

    stored = StandardPage.objects.get(pk=page.pk)
    assert (stored.title, stored.intro, stored.path) == ("Over ons", "Wie wij zijn.", page.path)
    assert Page.objects.get(pk=page.pk).specific_class is StandardPage
