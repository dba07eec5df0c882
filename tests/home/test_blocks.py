import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import CardsBlock, ContentStreamBlock, HomeStreamBlock, LinkBlock


@pytest.mark.parametrize("block_class", [LinkBlock, CardsBlock])
def test_blocks_render_their_preview_value(block_class, db):
    block = block_class()
    html = block.render(block.get_preview_value())
    assert "Agenda" in html or "agenda" in html


def test_every_block_documents_itself():
    for stream in (HomeStreamBlock(), ContentStreamBlock()):
        for name, block in stream.child_blocks.items():
            assert block.meta.template, name
            assert block.meta.icon, name
            assert block.meta.description, name
            assert block.get_preview_value() is not None, name


def test_link_needs_a_page_or_an_address(db):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Lees meer", "page": None, "url": ""}))


def test_link_refuses_both_a_page_and_an_address(demo_site):
    from wagtail.models import Page

    block = LinkBlock()
    page = Page.objects.get(slug="over-dit-platform")
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Lees meer", "page": page.pk, "url": "https://example.org/"}))


def test_link_to_a_page_follows_the_reader_language(demo_site):
    from django.utils import translation
    from wagtail.models import Page

    block = LinkBlock()
    value = block.to_python({"text": "Agenda", "page": Page.objects.get(slug="over-dit-platform").pk, "url": ""})
    assert value.href() == "/over-dit-platform/"
    with translation.override("en"):
        assert value.href() == "/en/about/"


def test_optional_link_may_be_left_empty(db):
    block = LinkBlock(required=False)
    value = block.clean(block.to_python({"text": "", "page": None, "url": ""}))
    assert not value.href()


def test_optional_link_still_needs_a_text_once_filled_in(db):
    block = LinkBlock(required=False)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "", "page": None, "url": "https://example.org/"}))
    assert "text" in error.value.block_errors


def test_search_query_is_escaped(demo_site, client):
    html = client.get("/zoeken/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_link_to_a_page_renders_with_the_page_address(demo_site):
    from wagtail.models import Page

    block = LinkBlock()
    value = block.to_python({"text": "Lees meer", "page": Page.objects.get(slug="over-dit-platform").pk, "url": ""})
    # The struct has a "url" field of its own (empty here); the address must not come from it.
    assert block.render(value).strip() == '<a class="button" href="/over-dit-platform/">Lees meer</a>'
