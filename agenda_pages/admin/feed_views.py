"""Admin screens around feed sources that are not create/edit/delete: import now, dry run, run history.

Every check of what a user may do with a source goes through the ``user_can_*`` functions below, which
ask the source's Wagtail permission policy. Restricting editors to their own centres later means
registering a narrower policy for ``FeedSource`` (``wagtail.permissions.register_permission_policy``),
which the generic create/edit/delete views consult as well.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_tasks.base import TaskResultStatus
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, NumberColumn, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import BaseListingView, BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from agenda_pages import tasks
from agenda_pages.importing.service import RUN_COUNTS, ImportReport, import_source
from agenda_pages.models import FeedSource, ImportRun, ImportRunStatus
from agenda_pages.moderation.access import user_can_edit_source, user_can_import_source, user_can_view_runs


def summarise_report(report: ImportReport) -> str:
    """One line for a Wagtail message: "3 created, 1 updated, 0 unchanged, 0 cancelled, 0 withdrawn"."""
    counts = gettext(
        "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(cancelled)s cancelled, "
        "%(withdrawn)s withdrawn"
    ) % {name: getattr(report, name) for name in RUN_COUNTS}
    if report.warnings:
        counts += ", " + gettext("%(count)s warnings") % {"count": len(report.warnings)}
    return counts


class FeedSourceObjectMixin(BaseObjectMixin):
    """Loads the source from the URL and refuses users who may not do ``self.user_can`` with it."""

    model = FeedSource
    index_url_name = None
    edit_url_name = None
    import_url_name = None
    dry_run_url_name = None
    runs_url_name = None
    run_url_name = None
    header_icon = "calendar-alt"

    def get_base_object_queryset(self):
        return FeedSource.objects.select_related("centre")

    def user_can(self, user, source) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.user_can(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def url(self, name, *args):
        return reverse(name, args=(quote(self.object.pk), *args))

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = [{"url": reverse(self.index_url_name), "label": FeedSource._meta.verbose_name_plural.capitalize()}]
        if user_can_edit_source(self.request.user, self.object):
            items.append({"url": self.url(self.edit_url_name), "label": str(self.object)})
        items.append({"url": "", "label": self.get_page_title(), "sublabel": str(self.object)})
        return self.breadcrumbs_items + items


class ImportNowView(FeedSourceObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST imports the source at once and redirects with a summary."""

    template_name = "agenda_pages/admin/import_confirm.html"
    page_title = _("Import now")
    dry_run = False

    def user_can(self, user, source):
        return user_can_import_source(user, source)

    def get_success_url(self):
        if next_url := get_valid_next_url_from_request(self.request):
            return next_url
        if user_can_edit_source(self.request.user, self.object):
            return self.url(self.edit_url_name)
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            source=self.object,
            import_url=self.url(self.import_url_name),
            dry_run_url=self.url(self.dry_run_url_name),
            next_url=get_valid_next_url_from_request(self.request),
            cancel_url=self.get_success_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        # A background task: fetching (30 s per page of a paged feed) and parsing (up to a minute) may
        # take longer than a web request is given. Where the task backend runs it at once, say how it went.
        result = tasks.import_feed_source.enqueue(self.object.pk)
        if not result.is_finished:
            message = gettext("The import of '%(source)s' has started; its result appears in the run history.")
            messages.success(request, message % {"source": self.object}, buttons=self.get_message_buttons())
            return redirect(self.get_success_url())
        if result.status != TaskResultStatus.SUCCESSFUL:
            messages.error(request, gettext("Import of '%(source)s' stopped unexpectedly.") % {"source": self.object})
            return redirect(self.get_success_url())
        report = ImportReport(**result.return_value)
        names = {"source": self.object, "error": report.error, "summary": summarise_report(report)}
        if report.status == ImportRunStatus.ERROR:
            messages.error(request, gettext("Import of '%(source)s' failed: %(error)s") % names)
        elif report.status == ImportRunStatus.NOT_MODIFIED:
            messages.success(request, gettext("'%(source)s' has not changed since the last import.") % names)
        else:
            message = gettext("Imported '%(source)s': %(summary)s.") % names
            messages.success(request, message, buttons=self.get_message_buttons())
        return redirect(self.get_success_url())

    def get_message_buttons(self):
        if user_can_view_runs(self.request.user, self.object):
            return [messages.button(self.url(self.runs_url_name), gettext("Run history"))]
        return []


class DryRunView(ImportNowView):
    """POST fetches, parses and syncs inside a transaction that is rolled back, and shows what would happen."""

    page_title = _("Dry run")
    result_template_name = "agenda_pages/admin/dry_run_result.html"

    def post(self, request, *args, **kwargs):
        report = import_source(self.object.pk, dry_run=True)
        context = self.get_context_data(report=report)
        return self.response_class(
            request=request, template=[self.result_template_name], context=context, using=self.template_engine
        )


class ImportRunIndexView(FeedSourceObjectMixin, BaseListingView):
    """The run history of one source, newest first. Runs are written only by the importer."""

    page_title = _("Run history")
    header_icon = "history"
    paginate_by = 20
    verbose_name_plural = ImportRun._meta.verbose_name_plural

    def user_can(self, user, source):
        return user_can_view_runs(user, source)

    def get_index_url(self):  # used for the pagination links
        return self.url(self.runs_url_name)

    def get_base_queryset(self):
        return self.object.runs.all()  # ImportRun's Meta.ordering: newest first

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "started_at",
                label=ImportRun._meta.get_field("started_at").verbose_name.capitalize(),
                get_url=lambda run: self.url(self.run_url_name, run.pk),
                accessor=lambda run: date_format(localtime(run.started_at), "SHORT_DATETIME_FORMAT"),
            ),
            StatusTagColumn(
                "status",
                label=ImportRun._meta.get_field("status").verbose_name.capitalize(),
                accessor="get_status_display",
                primary=lambda run: run.status != ImportRunStatus.ERROR,
            ),
            *(
                NumberColumn(name, label=ImportRun._meta.get_field(name).verbose_name.capitalize())
                for name in RUN_COUNTS
            ),
            NumberColumn("warnings", label=_("Warnings"), accessor=lambda run: len(run.warnings)),
            Column("error_message", label=ImportRun._meta.get_field("error_message").verbose_name.capitalize()),
        ]

    @cached_property
    def header_buttons(self):
        if user_can_edit_source(self.request.user, self.object):
            return [HeaderButton(gettext("Edit"), url=self.url(self.edit_url_name), icon_name="edit")]
        return []

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["object"] = self.object
        return context


class ImportRunDetailView(FeedSourceObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "agenda_pages/admin/import_run.html"
    page_title = _("Import run")
    header_icon = "history"

    def user_can(self, user, source):
        return user_can_view_runs(user, source)

    @cached_property
    def run(self):
        return get_object_or_404(self.object.runs, pk=self.kwargs["run_pk"])

    def get_page_subtitle(self):
        return str(self.run)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        runs = {"url": self.url(self.runs_url_name), "label": gettext("Run history")}
        return [*items[:-1], runs, items[-1]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(source=self.object, run=self.run, runs_url=self.url(self.runs_url_name))
        return context
