"""The agenda's admin screens: feed sources with import now, dry run and run history, and the themes."""

from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from agenda_pages.admin import feed_views
from agenda_pages.models import FeedSource, ImportRunStatus, Theme
from agenda_pages.moderation.access import user_can_import_source, user_can_view_runs, visible_sources
from kankernl_site.admin_dates import admin_datetime


def _label(field_name: str) -> str:
    return FeedSource._meta.get_field(field_name).verbose_name.capitalize()


class FeedSourceActionsMixin:
    """URLs of the extra screens for one source, or None when the user may not use them."""

    import_url_name = None
    runs_url_name = None

    def get_import_url(self, source):
        if user_can_import_source(self.request.user, source):
            return reverse(self.import_url_name, args=(quote(source.pk),))

    def get_runs_url(self, source):
        if user_can_view_runs(self.request.user, source):
            return reverse(self.runs_url_name, args=(quote(source.pk),))


class FeedStatusColumn(StatusTagColumn):
    """The last run's status, with the failures in a row and "needs review" when there are any."""

    cell_template_name = "agenda_pages/admin/feed_status_cell.html"


class FeedSourceIndexView(FeedSourceActionsMixin, generic.IndexView):
    def get_base_queryset(self):
        return visible_sources(self.request.user).select_related("centre")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if import_url := self.get_import_url(instance):
            buttons.append(MenuItem(gettext("Import now"), url=import_url, icon_name="download", priority=40))
        if runs_url := self.get_runs_url(instance):
            buttons.append(MenuItem(gettext("Run history"), url=runs_url, icon_name="history", priority=50))
        return buttons


class FeedSourceEditView(FeedSourceActionsMixin, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if import_url := self.get_import_url(self.object):
            buttons.append(Button(gettext("Import now"), url=import_url, icon_name="download", priority=40))
        if runs_url := self.get_runs_url(self.object):
            buttons.append(Button(gettext("Run history"), url=runs_url, icon_name="history", priority=50))
        return buttons


class FeedSourceViewSet(ModelViewSet):
    model = FeedSource
    name = "agenda_feeds"
    url_prefix = "agenda/feeds"
    icon = "calendar-alt"
    menu_label = _("Feeds")
    menu_order = 100
    index_view_class = FeedSourceIndexView
    edit_view_class = FeedSourceEditView
    copy_view_enabled = False
    list_per_page = 50
    # Six columns, so the table and each row's actions fit a 1280 px screen: the failures in a row and
    # "needs review" are told in the last run's cell (the filters still offer both).
    list_display = [
        "centre",
        "url",
        Column("format", label=_label("format"), accessor="get_format_display", sort_key="format"),
        BooleanColumn("is_active", label=_label("is_active"), sort_key="is_active"),
        FeedStatusColumn(
            "last_run_status",
            label=_label("last_run_status"),
            accessor="get_last_run_status_display",
            primary=lambda source: source.last_run_status != ImportRunStatus.ERROR,
            sort_key="last_run_status",
        ),
        Column(
            "last_success_at",
            label=_label("last_success_at"),
            accessor=lambda source: admin_datetime(source.last_success_at),
            sort_key="last_success_at",
        ),
    ]
    list_filter = ["last_run_status", "is_active", "needs_review"]
    search_fields = ["url", "centre__title"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            import_url_name=self.get_url_name("import"),
            dry_run_url_name=self.get_url_name("dry_run"),
            runs_url_name=self.get_url_name("runs"),
            run_url_name=self.get_url_name("run"),
            **kwargs,
        )

    def get_permissions_to_register(self):
        # "view" as well: it lets someone follow the imports without being able to change or run them.
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(FeedSource))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/<int:pk>/", self.construct_view(feed_views.ImportNowView), name="import"),
            path("dry-run/<int:pk>/", self.construct_view(feed_views.DryRunView), name="dry_run"),
            path("runs/<int:pk>/", self.construct_view(feed_views.ImportRunIndexView), name="runs"),
            path("runs/<int:pk>/<int:run_pk>/", self.construct_view(feed_views.ImportRunDetailView), name="run"),
        ]


class ThemeViewSet(SnippetViewSet):
    """The themes as a snippet: visitors filter by them, the importer maps and suggests them."""

    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 110
    list_per_page = 50
    list_display = ["label_nl", "label_en", "slug", Column("icon", label=_("Icon"), accessor="get_icon_display")]
    ordering = ["label_nl"]


class AgendaViewSetGroup(ModelViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 250
    items = (FeedSourceViewSet, ThemeViewSet)


agenda_viewset_group = AgendaViewSetGroup()
