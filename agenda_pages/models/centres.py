from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from agenda_pages import geo
from agenda_pages.phone import validate_dutch_phone
from kankernl_site.registries import PresentedPage, responder_for

from . import registries
from .selection import AgendaFilters


class CentreKind(models.TextChoices):
    CENTRE = "centre", _("Centre for living with and after cancer")
    PARTNER = "partner", _("Partner organisation")


class CentreIndexPage(PresentedPage, Page):
    """ "Centra": the parent of every centre and partner organisation page, and the public list of them.

    The list can be narrowed to a province and to a distance from a postcode or place, read with the
    agenda's own parser so a bad value gets the same polite message there and here.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda_pages.CentrePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("centres index")
        verbose_name_plural = _("centres indexes")

    def centres_parent(self) -> "CentreIndexPage":
        """The index the centre pages are under: this one, or for a translation (the English
        "Centres"), the index that has them, since centre pages are not translated. No query for
        an index with children."""
        if self.numchild:
            return self
        translations = CentreIndexPage.objects.filter(translation_key=self.translation_key, numchild__gt=0)
        return translations.order_by("path").first() or self


class DerivedFieldPanel(FieldPanel):
    """A read-only field that the page fills in itself; says "not known" rather than "None" when empty."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return _("not known")
        return super().format_value_for_display(value)


class CentrePageQuerySet(PageQuerySet):
    def matching(self, filters: AgendaFilters):
        """Centres that pass the centre, province and distance filters.

        The distance filter narrows by a bounding box in SQL; ``within`` checks the exact distance.
        """
        centres = self
        if filters.centres:
            centres = centres.filter(slug__in=filters.centres)
        if filters.province:
            centres = centres.filter(province=filters.province)
        if filters.near:
            box = geo.bounding_box(filters.near.latitude, filters.near.longitude, filters.radius)
            centres = centres.filter(
                latitude__range=(box.min_latitude, box.max_latitude),
                longitude__range=(box.min_longitude, box.max_longitude),
            )
        return centres

    def with_incomplete_profile(self):
        """Centres missing any of ``CentrePage.PROFILE_FIELDS``, decided by the database."""
        missing = models.Q(photo__isnull=True)
        for field in CentrePage.PROFILE_FIELDS:
            if field != "photo":
                missing |= models.Q(**{field: ""})
        return self.filter(missing)

    def nearest(self, near: geo.Location) -> "CentrePage | None":
        """The centre nearest to ``near``, whatever the distance, with its ``distance_km``."""
        centres = list(self.exclude(latitude=None).exclude(longitude=None))
        for centre in centres:
            centre.distance_km = centre.distance_from(near)
        return min(centres, key=lambda centre: centre.distance_km, default=None)

    def within(self, filters: AgendaFilters) -> list["CentrePage"]:
        """The centres inside the radius, nearest first, each with its ``distance_km`` (no radius: all)."""
        if not filters.near:
            return list(self)
        found = []
        for centre in self:
            centre.distance_km = centre.distance_from(filters.near)
            if centre.distance_km is not None and centre.distance_km <= filters.radius:
                found.append(centre)
        return sorted(found, key=lambda centre: centre.distance_km)


CentrePageManager = PageManager.from_queryset(CentrePageQuerySet)


class CentrePage(PresentedPage, RoutablePageMixin, Page):
    """The public profile of one centre or partner organisation; its events are its children.

    Keeping imported events under their centre's page makes ownership visible in the page tree and
    lets Wagtail's page permissions give each centre's staff exactly their own events.

    ``latitude``, ``longitude`` and ``province`` follow from the postcode (``geo.find_postcode``) on
    every save and revision. A postcode missing from the shipped data leaves them empty without
    blocking the save: new postcodes appear before the data has them.
    """

    objects = CentrePageManager()

    kind = models.CharField(_("kind"), max_length=16, choices=CentreKind.choices, default=CentreKind.CENTRE)
    short_description = models.TextField(
        _("short description"),
        blank=True,
        max_length=500,
        help_text=_("Two or three sentences for a first-time visitor: who is welcome and what the centre offers."),
    )
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=50, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[validate_dutch_phone],
        help_text=_("As visitors dial it, for example 030 123 45 67."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        max_length=1000,
        help_text=_(
            'One line per day or group of days, for example "dinsdag 10:00-16:00" or "maandag t/m vrijdag '
            '9:30-12:30". Other lines, such as "in de schoolvakanties gesloten", are shown as you write them.'
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A calm, welcoming photo of the centre. Give the image a description: screen readers read it aloud."
        ),
    )

    # What a first-time guest needs to find and trust the centre; the moderation report lists the
    # centres that miss any of these.
    PROFILE_FIELDS = ("short_description", "photo", "street_address", "postcode", "city", "phone", "opening_hours")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("short_description"), FieldPanel("photo")],
            heading=_("About the centre"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel(
                    "postcode",
                    help_text=_("The province and the position on the map are looked up from the postcode."),
                ),
                FieldPanel("city"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [DerivedFieldPanel("province"), DerivedFieldPanel("latitude"), DerivedFieldPanel("longitude")],
            heading=_("Position on the map"),
            help_text=_(
                "Filled in from the postcode when you save. Is it empty? Then we do not know the postcode "
                "yet. You can still publish the page, but visitors who search by province or distance will "
                "not find the centre. Check the postcode, or tell the site's editors."
            ),
        ),
        MultiFieldPanel([FieldPanel("opening_hours")], heading=_("Opening hours")),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("city"),
        index.FilterField("province"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["agenda_pages.CentreIndexPage"]
    subpage_types = ["agenda_pages.EventPage"]

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        indexes = [models.Index(fields=["latitude", "longitude"], name="centre_coordinates")]

    def get_cached_paths(self):
        """The centre page and its printed programme, for purging a CDN (wagtail.contrib.frontend_cache)."""
        return ["/", "programma/"]

    # The centre's printable programme (issue 13), to replace the flyers on its tables.
    @route(r"^programma/$", name="programme")
    def programme(self, request):
        """This centre's activities of the coming month on A4, with QR codes."""
        return responder_for(CentrePage, "programme")(self, request)

    def permissions_for_user(self, user):
        tester = registries.permission_tester_for(CentrePage)
        return tester(user, self) if tester else super().permissions_for_user(user)

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.street_address, f"{self.postcode} {self.city}".strip()) if part)

    def missing_profile_fields(self) -> list[str]:
        """The names (as the admin form labels them) of the profile fields this centre leaves empty."""
        return [
            str(self._meta.get_field(field).verbose_name)
            for field in self.PROFILE_FIELDS
            if not getattr(self, f"{field}_id" if field == "photo" else field)
        ]

    def distance_from(self, place: geo.Location) -> float | None:
        """Kilometres from ``place`` to this centre; None when its postcode gave no location."""
        if self.latitude is None or self.longitude is None:
            return None
        return geo.distance_km(place.latitude, place.longitude, self.latitude, self.longitude)

    def set_location_from_postcode(self) -> None:
        location = geo.find_postcode(self.postcode) if self.postcode else None
        self.latitude = location.latitude if location else None
        self.longitude = location.longitude if location else None
        self.province = location.province if location else ""

    def clean(self):
        # Runs for the admin form and for save_revision(), so revisions carry the derived values too.
        # It never adds an error: an unknown postcode leaves the location empty (see the panel's help).
        self.set_location_from_postcode()
        super().clean()

    def save(self, *args, **kwargs):
        # Drafts are saved without clean(), and code may pass clean=False.
        self.set_location_from_postcode()
        return super().save(*args, **kwargs)


def parent_path(page_path: str) -> str:
    """The tree path of the page above: for an event, its centre's."""
    return page_path[: -Page.steplen]


def centre_of(page: Page) -> CentrePage | None:
    """The centre page a page (an event) lives under, or None (one query)."""
    if not page.path or page.depth < 2:  # a preview of a page not yet in the tree, or the root
        return None
    return CentrePage.objects.filter(path=parent_path(page.path)).first()


def centres_above(pages) -> dict[str, CentrePage]:
    """The centre pages above ``pages`` (events), by path, in one query; look up with ``parent_path``."""
    paths = {parent_path(page.path) for page in pages}
    return {centre.path: centre for centre in CentrePage.objects.filter(path__in=paths)} if paths else {}
