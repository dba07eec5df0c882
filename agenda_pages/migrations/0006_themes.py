"""Themes become one managed vocabulary (the Theme snippet) instead of taggit tags.

Creates the initial themes, gives each source a category mapping, and converts the existing tags
of events and sources (and of the events' revisions, so a draft waiting for review keeps its
themes when it is published) with the importer's rule: a tag that is a theme's slug or name, else
the themes whose keywords start one of its words. "Naasten" becomes the audience "relatives";
"online" is dropped (the attendance mode says it). The import snapshots and hashes are converted
the same way, so an unchanged feed item does not come back as a change for review.
"""

import hashlib
import json
import re
import unicodedata

import django.db.models.deletion
import modelcluster.fields
import wagtail.search.index
from django.db import migrations, models

THEMES = [
    # slug, Dutch, English, description nl, description en, icon, keywords
    ("bewegen", "Bewegen en sport", "Exercise and sport",
     "Samen wandelen, fietsen, yoga of sporten, op uw eigen tempo.",
     "Walking, cycling, yoga or sport together, at your own pace.",
     "walk", "beweeg\nbewegen\nsport\nwandel\nfiets\nyoga\nfitness\nzwem\ndans\npilates\ntai chi\nqigong\nnordic\nhardlo\ngym\nfysio\nconditie\nwalk\nexercise"),
    ("creatief", "Creatief", "Creative",
     "Schilderen, tekenen, zingen, schrijven of iets maken met uw handen.",
     "Painting, drawing, singing, writing or making something with your hands.",
     "palette", "creatie\nschilder\nteken\nkunst\natelier\nzang\nzing\nkoor\nmuziek\nknutsel\nhandwerk\nbrei\nhaak\nkeramiek\nboetseer\nklei\nfotogra\nschrijf\nschrijven\ncollage\nmozaiek\npaint"),
    ("ontspanning", "Ontspanning en mindfulness", "Relaxation and mindfulness",
     "Tot rust komen: ademhaling, meditatie, mindfulness en massage.",
     "Finding calm: breathing, meditation, mindfulness and massage.",
     "leaf", "ontspan\nmindful\nmeditat\nadem\nrust\nstilte\nmassage\nontspanning\nrelax\nhaptonom\naromatherap\nreiki"),
    ("lotgenotencontact", "Lotgenotencontact", "Peer support",
     "Praten met mensen die hetzelfde meemaken, bij een kop koffie of in een gespreksgroep.",
     "Talking with people who go through the same, over coffee or in a discussion group.",
     "people", "lotgeno\ninloop\ngespreksgroep\npraatgroep\nontmoet\nkoffie\nthee\nlunch\nsamen eten\nervaringen delen\npeer\nsupport group"),
    ("informatie", "Informatie en voorlichting", "Information and advice",
     "Lezingen, spreekuren en uitleg van deskundigen over kanker en behandeling.",
     "Talks, consultation hours and explanations by experts about cancer and treatment.",
     "info", "informatie\nvoorlicht\nlezing\nspreekuur\nthemabijeenkomst\nthema avond\nthemaavond\nwebinar\nuitleg\ncollege\ntalk\nlecture"),
    ("voeding", "Voeding", "Food and nutrition",
     "Gezond en lekker eten tijdens en na kanker, met tips van een diëtist.",
     "Healthy and tasty food during and after cancer, with tips from a dietitian.",
     "apple", "voeding\neten\nkook\nrecept\ndieet\ndietist\nmaaltijd\nsmaak\nnutrition\ncooking"),
    ("vermoeidheid", "Vermoeidheid", "Fatigue",
     "Omgaan met moeheid en weinig energie na kanker.",
     "Coping with tiredness and low energy after cancer.",
     "battery", "vermoeid\nmoeheid\nenergie\nuitgeput\nfatigue\ntired"),
    ("werk-en-geld", "Werk en geld", "Work and money",
     "Weer aan het werk, uw rechten, geldzaken en verzekeringen.",
     "Going back to work, your rights, money matters and insurance.",
     "briefcase", "werkhervat\nre integra\nterug naar werk\nweer aan het werk\nwerkgever\nloopbaan\narbeid\nuitkering\ngeldzaken\nfinanci\nverzeker\nbudget\ncareer"),
    ("rouw-en-verlies", "Rouw en verlies", "Grief and loss",
     "Steun bij verdriet om het verlies van een dierbare, of van uw gezondheid.",
     "Support with grief over losing a loved one, or your health.",
     "heart", "rouw\nverlies\nnabestaand\nverdriet\noverlijd\noverleden\nafscheid\ngrief\nbereave"),
    ("uiterlijk-en-verzorging", "Uiterlijk en verzorging", "Appearance and care",
     "Uw huid, haar en uiterlijk tijdens en na de behandeling.",
     "Your skin, hair and appearance during and after treatment.",
     "mirror", "uiterlijk\nlook good\nmake up\nmakeup\npruik\nhaarwerk\nhuidverzorg\nschoonheid\nvisagie\nappearance"),
]  # fmt: skip
NOT_THEMES = {"online": None, "naasten": "relatives", "voor naasten": "relatives"}
NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return NON_WORD.sub(" ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


class Converter:
    """A tag name as theme slugs, as ``importing.themes.ThemeRules.for_category`` reads a category."""

    def __init__(self, themes):
        self.by_name = {}
        self.patterns = []
        for theme in themes:
            for name in (theme.slug, theme.label_nl, theme.label_en):
                self.by_name[normalise(name)] = theme.slug
            names = [theme.slug, theme.label_nl, theme.label_en]
            words = [normalise(k) for k in [*names, *theme.keywords.splitlines()] if normalise(k)]
            pattern = r"(?<![0-9a-z])(?:" + "|".join(re.escape(w) for w in words) + ")"
            self.patterns.append((theme.slug, re.compile(pattern)))

    def slugs(self, name: str) -> list[str]:
        key = normalise(name)
        if not key or key in NOT_THEMES:
            return []
        if key in self.by_name:
            return [self.by_name[key]]
        return [slug for slug, pattern in self.patterns if pattern.search(key)]

    def snapshot(self, snapshot: dict) -> dict:
        if not snapshot or "themes" not in snapshot:
            return snapshot
        names = snapshot["themes"]
        converted = {**snapshot, "themes": sorted({slug for name in names for slug in self.slugs(name)})}
        audience = {NOT_THEMES[normalise(name)] for name in names if NOT_THEMES.get(normalise(name))}
        if audience:
            converted["audience"] = sorted(audience)
        return converted


def content_hash(snapshot: dict) -> str:
    """As ``importing.mapping.MappedEvent.content_hash``."""
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def convert_tags(apps, schema_editor):
    Theme = apps.get_model("agenda_pages", "Theme")
    EventPage = apps.get_model("agenda_pages", "EventPage")
    FeedSource = apps.get_model("agenda_pages", "FeedSource")
    Audience = apps.get_model("agenda_pages", "Audience")
    EventThemeTag = apps.get_model("agenda_pages", "EventThemeTag")
    FeedSourceTheme = apps.get_model("agenda_pages", "FeedSourceTheme")
    Tag = apps.get_model("taggit", "Tag")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for slug, label_nl, label_en, description_nl, description_en, icon, keywords in THEMES:
        Theme.objects.get_or_create(
            slug=slug,
            defaults={
                "label_nl": label_nl,
                "label_en": label_en,
                "description_nl": description_nl,
                "description_en": description_en,
                "icon": icon,
                "keywords": keywords,
            },
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    convert = Converter(themes.values())
    tag_slugs = {tag.pk: convert.slugs(tag.name) for tag in Tag.objects.all()}
    tag_audience = {tag.pk: NOT_THEMES.get(normalise(tag.name)) for tag in Tag.objects.all()}
    audiences = {audience.code: audience for audience in Audience.objects.all()}

    event_rows, audience_rows = set(), set()
    for page_id, tag_id in EventThemeTag.objects.values_list("content_object_id", "tag_id"):
        event_rows.update((page_id, themes[slug].pk) for slug in tag_slugs.get(tag_id, []))
        if tag_audience.get(tag_id) in audiences:
            audience_rows.add((page_id, audiences[tag_audience[tag_id]].pk))
    EventPage.new_themes.through.objects.bulk_create(
        [EventPage.new_themes.through(eventpage_id=p, theme_id=t) for p, t in sorted(event_rows)], batch_size=500
    )
    existing = set(EventPage.audience.through.objects.values_list("eventpage_id", "audience_id"))
    EventPage.audience.through.objects.bulk_create(
        [EventPage.audience.through(eventpage_id=p, audience_id=a) for p, a in sorted(audience_rows - existing)],
        batch_size=500,
    )
    source_rows = {
        (source_id, themes[slug].pk)
        for source_id, tag_id in FeedSourceTheme.objects.values_list("content_object_id", "tag_id")
        for slug in tag_slugs.get(tag_id, [])
    }
    FeedSource.new_default_themes.through.objects.bulk_create(
        [FeedSource.new_default_themes.through(feedsource_id=s, theme_id=t) for s, t in sorted(source_rows)]
    )

    pages = list(EventPage.objects.exclude(source_snapshot={}).only("pk", "source_snapshot", "source_hash"))
    for page in pages:
        page.source_snapshot = convert.snapshot(page.source_snapshot)
        page.source_hash = content_hash(page.source_snapshot)
    EventPage.objects.bulk_update(pages, ["source_snapshot", "source_hash"], batch_size=500)

    content_type = ContentType.objects.filter(app_label="agenda_pages", model="eventpage").first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(content_type=content_type).only("pk", "content")
    changed = []
    for revision in revisions.iterator(chunk_size=500):
        content = revision.content
        if "theme_items" not in content:
            continue
        tag_ids = [row.get("tag") for row in content.pop("theme_items") or []]
        content["themes"] = sorted({themes[s].pk for tag_id in tag_ids for s in tag_slugs.get(tag_id, [])})
        named = {audiences[tag_audience[t]].pk for t in tag_ids if tag_audience.get(t) in audiences}
        content["audience"] = sorted({*(content.get("audience") or []), *named})
        content.setdefault("suggested_themes", [])
        if content.get("source_snapshot"):
            content["source_snapshot"] = convert.snapshot(content["source_snapshot"])
            content["source_hash"] = content_hash(content["source_snapshot"])
        changed.append(revision)
        if len(changed) >= 500:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("agenda_pages", "0005_centre_coordinates"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Theme",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "slug",
                    models.SlugField(
                        help_text="Used in the agenda's address (theme=...). Do not change it once links use it.",
                        max_length=60,
                        unique=True,
                        verbose_name="slug",
                    ),
                ),
                ("label_nl", models.CharField(max_length=80, verbose_name="name (Dutch)")),
                ("label_en", models.CharField(max_length=80, verbose_name="name (English)")),
                (
                    "description_nl",
                    models.CharField(blank=True, max_length=255, verbose_name="short description (Dutch)"),
                ),
                (
                    "description_en",
                    models.CharField(blank=True, max_length=255, verbose_name="short description (English)"),
                ),
                (
                    "icon",
                    models.CharField(
                        choices=[
                            ("walk", "Walking figure"),
                            ("palette", "Paint palette"),
                            ("leaf", "Leaf"),
                            ("people", "Two people"),
                            ("info", "Information"),
                            ("apple", "Apple"),
                            ("battery", "Low battery"),
                            ("briefcase", "Briefcase"),
                            ("heart", "Heart"),
                            ("mirror", "Hand mirror"),
                        ],
                        max_length=20,
                        verbose_name="icon",
                    ),
                ),
                (
                    "keywords",
                    models.TextField(
                        blank=True,
                        help_text="One per line. An imported event without a theme gets this theme suggested when a "
                        "word in its title or description starts with one of these (upper or lower case and accents "
                        "do not matter): 'wandel' finds 'Wandelgroep' and 'wandelen'.",
                        verbose_name="keywords",
                    ),
                ),
            ],
            options={"verbose_name": "theme", "verbose_name_plural": "themes", "ordering": ["label_nl"]},
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="new_themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="events", to="agenda_pages.theme", verbose_name="themes"
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="suggested_themes",
            field=models.JSONField(blank=True, default=list, editable=False, verbose_name="suggested themes"),
        ),
        migrations.AddField(
            model_name="feedsource",
            name="new_default_themes",
            field=models.ManyToManyField(
                blank=True,
                help_text="Given to every imported event.",
                related_name="+",
                to="agenda_pages.theme",
                verbose_name="default themes",
            ),
        ),
        migrations.CreateModel(
            name="FeedCategoryTheme",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "category",
                    models.CharField(
                        help_text="As the feed writes it; case and accents do not matter.",
                        max_length=100,
                        verbose_name="category in the feed",
                    ),
                ),
                (
                    "source",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="category_themes",
                        to="agenda_pages.feedsource",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="agenda_pages.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            options={
                "verbose_name": "category mapping",
                "verbose_name_plural": "category mappings",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(convert_tags, migrations.RunPython.noop),
        migrations.RemoveField(model_name="eventpage", name="themes"),
        migrations.DeleteModel(name="EventThemeTag"),
        migrations.RemoveField(model_name="feedsource", name="default_themes"),
        migrations.DeleteModel(name="FeedSourceTheme"),
        migrations.RenameField(model_name="eventpage", old_name="new_themes", new_name="themes"),
        migrations.RenameField(model_name="feedsource", old_name="new_default_themes", new_name="default_themes"),
    ]
