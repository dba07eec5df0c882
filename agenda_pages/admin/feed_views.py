"""Admin screens around feed sources that are not create/edit/delete: import now, dry run, run history.

Every check of what a user may do with a source goes through the ``user_can_*`` functions below, which
ask the source's Wagtail permission policy. Restricting editors to their own centres later means
registering a narrower policy for ``FeedSource`` (``wagtail.permissions.register_permission_policy``),
which the generic create/edit/delete views consult as well.
"""

import time

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_tasks.base import TaskResultStatus
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, NumberColumn, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import BaseListingView, BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from agenda_pages import conf, tasks
from agenda_pages.admin.run_summary import changed, run_summary
from agenda_pages.importing.service import ImportReport, import_source
from agenda_pages.models import FeedSource, ImportRun, ImportRunStatus
from agenda_pages.moderation.access import user_can_edit_source, user_can_import_source, user_can_view_runs
from kankernl_site.admin_dates import admin_datetime


def wait_for(result, seconds: float, interval: float = 0.25):
    """The task's result once it is finished, or as it is after ``seconds``. Asked often at first (a
    normal feed takes a second or two), then at most once a second, so a slow feed costs the
    database a few reads rather than one every quarter second."""
    deadline = time.monotonic() + seconds
    while not result.is_finished and time.monotonic() < deadline:
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
        result.refresh()
        interval = min(interval * 2, 1.0)
    return result


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
        # take longer than a web request is given. Where the task backend runs it at once (a normal
        # feed takes seconds), the editor is shown the run; else told where its result will appear.
        result = wait_for(tasks.import_feed_source.enqueue(self.object.pk), conf.import_now_wait_seconds())
        names = {"source": self.object}
        if not result.is_finished:
            message = gettext(
                "The import of '%(source)s' is still running, as a large feed can take a few minutes; "
                "its result appears in the run history when it is done."
            )
            messages.success(request, message % names, buttons=self.get_message_buttons())
            return redirect(get_valid_next_url_from_request(request) or self.get_runs_url())
        if result.status != TaskResultStatus.SUCCESSFUL:
            messages.error(request, gettext("Import of '%(source)s' stopped unexpectedly.") % names)
            return redirect(self.get_success_url())
        report = ImportReport(**result.return_value)
        names.update(summary=run_summary(report, report.error or ""), error=report.error)
        run_url = self.get_run_url(report)
        # The run's own screen says what happened; an editor who asked to go back elsewhere ("next")
        # goes there, with a link to the run.
        next_url = get_valid_next_url_from_request(request)
        buttons = [messages.button(run_url, gettext("Show the run"))] if run_url and next_url else []
        if report.status == ImportRunStatus.ERROR:
            messages.error(request, gettext("Import of '%(source)s' failed: %(error)s") % names, buttons=buttons)
        else:
            messages.success(request, gettext("Imported '%(source)s'. %(summary)s") % names, buttons=buttons)
        return redirect(next_url or run_url or self.get_success_url())

    # Importing needs change permission, which also lets the user see the source's runs
    # (``user_can_view_runs``): the links to them need no check of their own.
    def get_run_url(self, report: ImportReport) -> str | None:
        return self.url(self.run_url_name, report.run) if report.run is not None else None

    def get_runs_url(self) -> str:
        return self.url(self.runs_url_name)

    def get_message_buttons(self):
        return [messages.button(self.get_runs_url(), gettext("Run history"))]


class DryRunView(ImportNowView):
    """POST fetches, parses and syncs inside a transaction that is rolled back, and shows what would happen."""

    page_title = _("Dry run")
    result_template_name = "agenda_pages/admin/dry_run_result.html"

    def post(self, request, *args, **kwargs):
        report = import_source(self.object.pk, dry_run=True)
        summary = run_summary(report, report.error or "")
        context = self.get_context_data(report=report, summary=summary, changed=changed(report))
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
                accessor=lambda run: admin_datetime(run.started_at),
            ),
            StatusTagColumn(
                "status",
                label=ImportRun._meta.get_field("status").verbose_name.capitalize(),
                accessor="get_status_display",
                primary=lambda run: run.status != ImportRunStatus.ERROR,
            ),
            # One sentence instead of five columns of counts: "Nothing changed" reads better than zeros.
            Column("result", label=_("Result"), accessor=lambda run: run_summary(run, run.error_message)),
            NumberColumn("warnings", label=_("Warnings"), accessor=lambda run: len(run.warnings)),
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
        return admin_datetime(self.run.started_at)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        runs = {"url": self.url(self.runs_url_name), "label": gettext("Run history")}
        return [*items[:-1], runs, items[-1]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            source=self.object,
            run=self.run,
            summary=run_summary(self.run, self.run.error_message),
            changed=changed(self.run),
            runs_url=self.url(self.runs_url_name),
        )
        return context
