""" "Zet de agenda op uw website" in the admin: a centre's staff (and the moderators) get the iframe
code for their centre's activities, with the centre fixed, from the "..." menu of the centre page.

The same form, preview and instructions as the public generator (``public.embed_code``). Who may
open it is who may see the centre in the explorer (``moderation.access.explorable_pages``): the
centre's own staff, moderators and editors; another centre's staff get a 403, and no button.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from agenda_pages.models import AgendaIndexPage, CentrePage
from agenda_pages.moderation.access import explorable_pages
from agenda_pages.public.embed.code import EmbedCodeForm, generator_context, theme_names

URL_NAME = "agenda_embed_code"


def user_may_get_embed_code(user, centre) -> bool:
    return user.is_active and explorable_pages(user).filter(pk=centre.pk).exists()


def agenda_for(centre: CentrePage) -> AgendaIndexPage | None:
    """The live agenda in the centre page's language, else any live agenda."""
    agendas = AgendaIndexPage.objects.live().order_by("path")
    return agendas.filter(locale_id=centre.locale_id).first() or agendas.first()


class EmbedCodeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "agenda_pages/admin/embed_code.html"
    page_title = _("Put the agenda on your website")
    header_icon = "code"

    def dispatch(self, request, centre_id: int):
        self.centre = get_object_or_404(CentrePage, pk=centre_id)
        if not user_may_get_embed_code(request.user, self.centre):
            raise PermissionDenied
        return super().dispatch(request, centre_id)

    def get_page_subtitle(self):
        return self.centre.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.centre.pk]), "label": self.centre.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["centre"] = self.centre
        agenda = agenda_for(self.centre)
        if agenda is None:
            return context
        centres = {self.centre.slug: self.centre.title}
        themes = theme_names()
        form = EmbedCodeForm(self.request.GET, centres=centres, themes=themes, fixed_centre=self.centre.slug)
        context.update(generator_context(agenda, self.request, form, centres, themes))
        context["form_action"] = reverse(URL_NAME, args=[self.centre.pk])
        return context


def page_header_buttons(page, user, view_name, next_url=None):
    """The button in a centre page's "..." menu (edit view and listing)."""
    if page.specific_class is CentrePage and user_may_get_embed_code(user, page):
        url = reverse(URL_NAME, args=[page.pk])
        yield Button(_("Put the agenda on your website"), url, icon_name="code", priority=90)


def urlpatterns():
    return [path("agenda/embed/<int:centre_id>/", EmbedCodeView.as_view(), name=URL_NAME)]
