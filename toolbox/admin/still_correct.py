""" "Still correct": one click that records a check of an item without changing it.

A POST (with the CSRF token) from the edit view's action menu or from a row of the review report.
Allowed to whoever may edit the item (its owner as editor, the editors, the moderators); it saves no
revision and starts no workflow (``toolbox.review.recording``).
"""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import LogFormatter

from toolbox.models import ToolboxItemPage
from toolbox.review.recording import STILL_CORRECT, record_still_correct

URL_NAME = "toolbox_still_correct"


def _return_address(request, item: ToolboxItemPage) -> str:
    # The action menu posts the whole edit form, whose own "next" may name the listing the editor
    # came from: the address on the button (in the query) comes first, so they stay on the item.
    for candidate in (request.GET.get("next"), request.POST.get("next")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return reverse("wagtailadmin_pages:edit", args=(item.pk,))


@require_POST
def still_correct(request, page_id: int):
    item = get_object_or_404(ToolboxItemPage, pk=page_id)
    if not item.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    lock = item.get_lock()
    if lock is not None and lock.for_user(request.user):
        # Whoever locked the item is working on it: the check is theirs to record, with their change.
        messages.error(request, lock.get_message(request.user))
        return redirect(_return_address(request, item))
    record_still_correct(item, request.user, timezone.localdate())
    messages.success(
        request,
        gettext("'%(title)s' is recorded as still correct. Next check: %(day)s.")
        % {"title": item.title, "day": date_format(item.next_review_on, "j F Y")},
    )
    return redirect(_return_address(request, item))


class StillCorrectMenuItem(ActionMenuItem):
    """In the edit view's action menu of a published item. It submits the edit form to the view
    above, which reads nothing of it but the CSRF token."""

    label = _("Still correct")
    name = "action-still-correct"
    icon_name = "check"
    template_name = "toolbox/admin/still_correct_menu_item.html"
    order = 25

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, ToolboxItemPage)
            and page.live
            and not context["locked_for_user"]
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, parent_context):
        page = parent_context["page"]
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return reverse(URL_NAME, args=(page.pk,)) + "?" + urlencode({"next": edit_url})


class StillCorrectLogFormatter(LogFormatter):
    label = _("Still correct")

    def format_message(self, log_entry):
        next_check = (log_entry.data or {}).get("next_review_on")
        if not next_check:
            return gettext("Checked: still correct")
        day = date_format(date.fromisoformat(next_check), "j F Y")
        return gettext("Checked: still correct. Next check on %(day)s") % {"day": day}


def register_log_actions(actions) -> None:
    actions.register_action(STILL_CORRECT)(StillCorrectLogFormatter)


urlpatterns = [path("toolbox/still-correct/<int:page_id>/", still_correct, name=URL_NAME)]
