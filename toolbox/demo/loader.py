"""Puts the demo toolbox on the site: the overview, five topics, twenty items and a few downloads.

Create-only, like the rest of the demo (``home.demo``): a page that exists (the overview by type
under the home page, a topic page by its topic, an item by its slug) is left as an editor may have
changed it. The overview and the topic pages get English translations; the items are Dutch only.
Review dates are set relative to ``today``, so some items are always overdue for the review report
and one falls due that day. Most items are owned by the demo's administrator, a few by the editors'
group and two by nobody (their reminders go to the moderators), so the report shows each kind.
"""

from dataclasses import asdict
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from agenda_pages.moderation import roles
from home.demo import DEMO_ADMIN_USERNAME, create_child, ensure_translation
from home.models import HomePage
from toolbox.models import (
    ToolboxAudience,
    ToolboxIndexPage,
    ToolboxItemDocument,
    ToolboxItemPage,
    ToolboxRelatedItem,
    ToolboxTopic,
    ToolboxTopicPage,
    add_months,
)
from toolbox.review.recording import set_last_reviewed

from .content import AUDIENCES, DOCUMENTS, INDEX, TOPICS
from .items import ITEMS, ITEMS_BY_TOPIC, DemoItem

OWNED_BY_EDITORS = {"mdo-checklist", "datalek-in-netwerk", "toestemming-patient", "convenant-netwerk"}
WITHOUT_OWNER = {"volumenormen-regio", "mededinging-afspraken"}


def _terms(model, terms) -> dict:
    return {
        term.slug: model.objects.get_or_create(slug=term.slug, defaults={"label_nl": term.nl, "label_en": term.en})[0]
        for term in terms
    }


def _documents() -> dict:
    Document = get_document_model()
    documents = {}
    for key, (title, filename, text) in DOCUMENTS.items():
        document = Document.objects.filter(title=title).first()
        if document is None:
            content = text.encode()
            document = Document.objects.create(
                title=title, file=ContentFile(content, name=filename), file_size=len(content)
            )
        documents[key] = document
    return documents


def _owners(spec: DemoItem, admin, editors) -> dict:
    if spec.slug in WITHOUT_OWNER:
        return {}
    if spec.slug in OWNED_BY_EDITORS and editors is not None:
        return {"owner_group": editors}
    return {"owner_user": admin}


def _item(spec: DemoItem, topic, today: date, owners: dict, audiences, documents) -> ToolboxItemPage:
    item = ToolboxItemPage(
        title=spec.title,
        slug=spec.slug,
        kind=spec.kind,
        intro=spec.intro,
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in spec.paragraphs],
        region=spec.region,
        is_example=spec.is_example,
        last_reviewed_at=add_months(today, -spec.checked_months_ago),
        **owners,
        **(asdict(spec.practice) if spec.practice else {}),
    )
    item.topics = [topic]
    item.audiences = [audiences[slug] for slug in spec.audiences]
    item.tags.add(*spec.tags)
    item.documents = [ToolboxItemDocument(document=documents[key]) for key in spec.documents]
    return item


def _link_related(items: dict[str, ToolboxItemPage], new: set[str], today: date) -> None:
    """Related items link to each other, so they are added once all items exist (new ones only)."""
    for spec in ITEMS:
        item = items[spec.slug]
        if not spec.related or spec.slug not in new:
            continue
        item.related_items = [ToolboxRelatedItem(item=items[slug]) for slug in spec.related]
        item.save_revision().publish()
        # Publishing counts as a check; the demo's items were checked months ago.
        set_last_reviewed(ToolboxItemPage.objects.get(pk=item.pk), add_months(today, -spec.checked_months_ago))


@transaction.atomic
def load_toolbox_demo(today: date | None = None) -> list[str]:
    """Create what is missing of the demo toolbox; returns the paths of the pages it created."""
    today = today or timezone.localdate()
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(depth=2, locale=nl).first()
    if home is None:
        return []
    created = []
    admin = get_user_model().objects.filter(username=DEMO_ADMIN_USERNAME).first()
    editors = Group.objects.filter(name=roles.EDITORS).first()
    topics = _terms(ToolboxTopic, [topic.term for topic in TOPICS])
    audiences = _terms(ToolboxAudience, AUDIENCES)
    documents = _documents()

    index = ToolboxIndexPage.objects.child_of(home).first()
    if index is None:
        index = create_child(
            home,
            ToolboxIndexPage(
                title=INDEX["nl"].title, slug=INDEX["nl"].slug, intro=INDEX["nl"].intro, show_in_menus=True
            ),
        )
        created.append(index.url_path)
    index = index.specific
    home_en = home.get_translation_or_none(en)
    index_en = None
    if home_en is not None:
        text = INDEX["en"]
        index_en, made = ensure_translation(
            index,
            home_en,
            ToolboxIndexPage(title=text.title, slug=text.slug, intro=text.intro, show_in_menus=True),
            en,
        )
        if made:
            created.append(index_en.url_path)

    items, new = {}, set()
    for spec in TOPICS:
        topic = topics[spec.term.slug]
        topic_page = ToolboxTopicPage.objects.child_of(index).filter(topic=topic).first()
        if topic_page is None:
            topic_page = create_child(
                index, ToolboxTopicPage(title=spec.nl.title, slug=spec.nl.slug, intro=spec.nl.intro, topic=topic)
            )
            created.append(topic_page.url_path)
        if index_en is not None:
            translation = ToolboxTopicPage(title=spec.en.title, slug=spec.en.slug, intro=spec.en.intro, topic=topic)
            page_en, made = ensure_translation(topic_page, index_en, translation, en)
            if made:
                created.append(page_en.url_path)
        existing = {page.slug: page for page in ToolboxItemPage.objects.child_of(topic_page)}
        for item_spec in ITEMS_BY_TOPIC[spec.term.slug]:
            item = existing.get(item_spec.slug)
            if item is None:
                item = create_child(
                    topic_page,
                    _item(item_spec, topic, today, _owners(item_spec, admin, editors), audiences, documents),
                )
                created.append(item.url_path)
                new.add(item_spec.slug)
            items[item_spec.slug] = item
    _link_related(items, new, today)
    return created
