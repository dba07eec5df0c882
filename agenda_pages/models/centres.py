import re
from functools import partial
from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from agenda_pages import geo


class CentreKind(models.TextChoices):
    CENTRE = "centre", _("Centre for living with and after cancer")
    PARTNER = "partner", _("Partner organisation")


class CentreIndexPage(Page):
    """ "Centra": the parent of every centre and partner organisation page, and the public list of them.

    The list can be narrowed to a province and to a distance from a postcode or place, read with the
    agenda's own parser so a bad value gets the same polite message there and here.
    """

    # The agenda parameters that mean something here; the others are ignored without a message.
    FILTER_PARAMETERS = ("province", "near", "radius")

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda_pages.CentrePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("centres index")
        verbose_name_plural = _("centres indexes")

    def get_context(self, request, *args, **kwargs):
        from agenda_pages.public import filters, selectors

        context = super().get_context(request, *args, **kwargs)
        params = request.GET.copy()
        for name in filters.PARAMETERS:
            if name not in self.FILTER_PARAMETERS:
                params.pop(name, None)
        parsed = filters.parse_filters(params, today=timezone.localdate(), themes={}, centres={}, audiences={})
        chosen = parsed.filters  # only province, near and radius can be set: the others were removed
        centres = selectors.matching_centres(chosen).child_of(self).order_by("title", "pk")
        centres = selectors.centres_within(chosen, centres)
        context.update(
            centres=centres,
            result_count=len(centres),
            filters=chosen,
            filter_messages=parsed.messages,
            near_value=" ".join(params.get("near", "").split())[: filters.MAX_TEXT_LENGTH],
            provinces=geo.PROVINCES,
            radius_choices=filters.radius_choices(chosen.radius),
        )
        return context


class CentrePagePermissionTester(PagePermissionTester):
    """A centre's staff hold their rights on their centre page, and Wagtail applies such a right to
    the page itself as well as to the events below it. The profile page itself speaks for the centre
    to the public, so publishing, unpublishing, deleting or moving it takes a right granted above it
    (moderators); rights granted on the page itself only let staff edit it and submit it."""

    granted_on_itself = frozenset({"add", "change", "lock", "unlock"})

    def __init__(self, user, page):
        super().__init__(user, page)
        self.subtree_permissions, self.permissions_from_above = set(), set()  # superusers need neither
        if self.user.is_active and not self.user.is_superuser:
            self.subtree_permissions = self.permissions
            self.permissions = set()
            for perm in self.permission_policy.get_cached_permissions_for_user(user):
                action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
                if not self.page.path.startswith(perm.page.path):
                    continue
                if perm.page.path != self.page.path:
                    self.permissions_from_above.add(action)
                    self.permissions.add(action)
                elif action in self.granted_on_itself:
                    self.permissions.add(action)

    def _checked_with(self, permissions, check):
        if self.user.is_superuser or not self.user.is_active:
            return check()
        own, self.permissions = self.permissions, permissions
        try:
            return check()
        finally:
            self.permissions = own

    def can_publish_subpage(self):
        return self._checked_with(self.subtree_permissions, super().can_publish_subpage)

    def can_reorder_children(self):
        return self._checked_with(self.subtree_permissions, super().can_reorder_children)

    def can_delete(self, ignore_bulk=False):
        # Wagtail lets "change" delete a page that is not live, so a right granted on the page itself
        # would let staff delete their centre while it is a draft (and its staff group with it).
        # Moving asks this too (``can_move``).
        return self._checked_with(self.permissions_from_above, partial(super().can_delete, ignore_bulk))


class DerivedFieldPanel(FieldPanel):
    """A read-only field that the page fills in itself; says "not known" rather than "None" when empty."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return _("not known")
        return super().format_value_for_display(value)


class CentrePage(Page):
    """The public profile of one centre or partner organisation; its events are its children.

    Keeping imported events under their centre's page makes ownership visible in the page tree and
    lets Wagtail's page permissions give each centre's staff exactly their own events.

    ``latitude``, ``longitude`` and ``province`` follow from the postcode (``geo.find_postcode``) on
    every save and revision. A postcode missing from the shipped data leaves them empty without
    blocking the save: new postcodes appear before the data has them.
    """

    UPCOMING_LIMIT = 20

    kind = models.CharField(_("kind"), max_length=16, choices=CentreKind.choices, default=CentreKind.CENTRE)
    short_description = models.TextField(_("short description"), blank=True, max_length=500)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=50, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("short_description"),
        FieldPanel("photo"),
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
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("opening_hours")],
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

    def permissions_for_user(self, user):
        return CentrePagePermissionTester(user, self)

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.street_address, f"{self.postcode} {self.city}".strip()) if part)

    @property
    def map_url(self) -> str:
        """A search on OpenStreetMap: a link, not an embedded third-party map."""
        if not self.full_address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.full_address})

    @property
    def phone_uri(self) -> str:
        """``030 - 123 45 67`` -> ``tel:0301234567``; ``+31 (0)30 ...`` -> ``tel:+3130...``."""
        number = re.sub(r"(?!^\+)[^0-9]", "", self.phone.replace("(0)", "").strip())
        return f"tel:{number}" if number.lstrip("+") else ""

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

    def get_context(self, request, *args, **kwargs):
        from agenda_pages.public import selectors

        from .agenda import AgendaIndexPage

        context = super().get_context(request, *args, **kwargs)
        occurrences = selectors.centre_occurrences(self, timezone.now())[: self.UPCOMING_LIMIT]
        context.update(upcoming=selectors.with_details(occurrences), agenda_page=AgendaIndexPage.for_active_language())
        return context


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
