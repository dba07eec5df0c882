"""The alerts' mails: plain text with an HTML alternative, in the subscriber's language, each with a
one-click unsubscribe link and the headers mail programs show as "Afmelden" (RFC 2369, RFC 8058).

Built without a request: addresses start with ``WAGTAILADMIN_BASE_URL``, as the site's other mail.
The HTML templates escape everything that comes from a feed; the plain-text ones render the same
values as text, with no markup of their own.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from agenda_pages.models import AgendaIndexPage
from alerts import conf, tokens
from alerts.models import Follow, Subscription
from kankernl_site.absolute_urls import mail_url
from kankernl_site.language import interface_url

TEMPLATES = "alerts/mail/"


def page_url(page) -> str:
    """A page's absolute address with the interface in the active language ("" when it has none)."""
    path = page.get_url()
    if not path:
        return ""
    return path if path.startswith("http") else mail_url(interface_url(path))


def agenda_url(selection: str = "") -> str:
    agenda = AgendaIndexPage.for_active_language()
    url = page_url(agenda) if agenda else mail_url("/")
    return f"{url}?{selection}" if selection else url


@dataclass(frozen=True)
class AlertLinks:
    confirm: str
    manage: str
    unsubscribe: str


def alert_links(alert: Subscription | Follow) -> AlertLinks:
    """The signed links of one alert, under the active language's prefix."""

    def link(name: str, purpose: str) -> str:
        return mail_url(reverse(f"alerts:{name}", kwargs={"token": tokens.make_token(alert, purpose)}))

    return AlertLinks(
        confirm=link("confirm", tokens.CONFIRM),
        manage=link("manage", tokens.MANAGE),
        unsubscribe=link("unsubscribe", tokens.UNSUBSCRIBE),
    )


def unsubscribe_headers(links: AlertLinks) -> dict[str, str]:
    """RFC 2369's List-Unsubscribe (the web address, and a mailto: when one is set) and RFC 8058's
    one-click POST, which the unsubscribe view accepts without a CSRF token or cookie."""
    targets = [f"<{links.unsubscribe}>"]
    if conf.unsubscribe_mailto():
        targets.append(f"<mailto:{conf.unsubscribe_mailto()}?subject=unsubscribe>")
    return {"List-Unsubscribe": ", ".join(targets), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_mail(alert: Subscription | Follow, template: str, subject: str, context: dict) -> EmailMultiAlternatives:
    """One mail to the alert's address from ``template``.txt and .html, in the active language."""
    links = alert_links(alert)
    context = {
        **context,
        "links": links,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "home_url": mail_url(interface_url("/")),
        "subject": subject,
        "language": get_language() or settings.LANGUAGE_CODE,
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a line break in a title must not end the header
        body=render_to_string(f"{TEMPLATES}{template}.txt", context),
        to=[alert.email],
        headers=unsubscribe_headers(links),
    )
    message.attach_alternative(render_to_string(f"{TEMPLATES}{template}.html", context), "text/html")
    return message


def confirmation_mail(alert: Subscription | Follow, *, description: str) -> EmailMultiAlternatives:
    if isinstance(alert, Follow):
        subject = _("Please confirm: e-mail about changes to “%(title)s”") % {"title": alert.page.title}
    else:
        subject = _("Please confirm your e-mail alert for the agenda")
    context = {"alert": alert, "is_follow": isinstance(alert, Follow), "description": description}
    context["days"] = conf.confirmation_days()
    return build_mail(alert, "confirm", subject, context)


def digest_mail(subscription: Subscription, content, *, description: str) -> EmailMultiAlternatives:
    subject = _("New in the agenda: %(selection)s") % {"selection": description}
    items = [(listed, page_url(listed.event)) for listed in content.listed]
    context = {
        "items": items,
        "more": content.more,
        "total": content.total,
        "description": description,
        "agenda_url": agenda_url(subscription.selection),
    }
    return build_mail(subscription, "digest", subject, context)


def change_mail(follow: Follow, changes, *, withdrawn_whole: bool) -> EmailMultiAlternatives:
    subject = _("Change to “%(title)s”") % {"title": follow.page.title}
    context = {
        "title": follow.page.title,
        "changes": changes,
        "withdrawn_whole": withdrawn_whole,
        "event_url": "" if withdrawn_whole else page_url(follow.page),
        "agenda_url": agenda_url(),
    }
    return build_mail(follow, "change", subject, context)
