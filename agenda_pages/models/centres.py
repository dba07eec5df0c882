from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index


class CentreKind(models.TextChoices):
    CENTRE = "centre", _("Centre for living with and after cancer")
    PARTNER = "partner", _("Partner organisation")


class CentreIndexPage(Page):
    """ "Centra": the parent of every centre and partner organisation page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda_pages.CentrePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("centres index")
        verbose_name_plural = _("centres indexes")


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


class CentrePage(Page):
    """The public profile of one centre or partner organisation; its events are its children.

    Keeping imported events under their centre's page makes ownership visible in the page tree and
    lets Wagtail's page permissions give each centre's staff exactly their own events.
    """

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
            [FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("city"), FieldPanel("province")],
            heading=_("Address"),
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

    def permissions_for_user(self, user):
        return CentrePagePermissionTester(user, self)
