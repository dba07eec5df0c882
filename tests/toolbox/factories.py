"""Build a toolbox the way an editor would: pages in the tree under a home page."""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from toolbox.models import (
    ItemKind,
    ToolboxAudience,
    ToolboxIndexPage,
    ToolboxItemDocument,
    ToolboxItemPage,
    ToolboxTopic,
    ToolboxTopicPage,
)


def make_index(home) -> ToolboxIndexPage:
    index = ToolboxIndexPage(title="Toolbox oncologienetwerken", slug="toolbox", intro="Kennis voor netwerken.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_topic_page(index, slug="financiering", label="Financieringsvormen") -> ToolboxTopicPage:
    topic, _created = ToolboxTopic.objects.get_or_create(slug=slug, defaults={"label_nl": label, "label_en": label})
    page = ToolboxTopicPage(title=label, slug=slug, topic=topic, intro="Over " + label.lower() + ".")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def audience(slug="bestuurder", label="Bestuurder") -> ToolboxAudience:
    defaults = {"label_nl": label, "label_en": label}
    return ToolboxAudience.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_item(topic_page, title="MDO bekostigen", *, audiences=(), documents=(), **fields) -> ToolboxItemPage:
    values = {
        "slug": title.lower().replace(" ", "-"),
        "kind": ItemKind.TIP,
        "intro": "Zo regelt u het.",
        "last_reviewed_at": date(2026, 1, 15),
        **fields,
    }
    item = ToolboxItemPage(title=title, **values)
    for document in documents:
        item.documents.add(ToolboxItemDocument(document=document))
    topic_page.add_child(instance=item)
    item.topics.set([topic_page.topic])
    item.audiences.set(list(audiences))
    item.save_revision().publish()
    return item


def text_document(name="sjabloon.csv", content=b"kolom;waarde\n") -> Document:
    return Document.objects.create(title="Sjabloon", file=ContentFile(content, name=name), file_size=len(content))
