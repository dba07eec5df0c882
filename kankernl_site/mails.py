"""Mails the site writes to its editors and moderators: a plain-text part and an HTML part from one
pair of templates (``<name>.txt`` and ``<name>.html``, the latter extending ``mail/base.html``)."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

# Template tags leave blank lines behind; a plain-text mail reads better without runs of them.
_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")


def send_templated(template: str, subject: str, context: dict, to: list[str]) -> int:
    """Send ``template``.txt and .html to ``to``; the templates get ``subject`` and ``site_name``
    too. Returns the number of mails sent (0 or 1); a refusal raises, for the caller to count."""
    context = {**context, "subject": subject, "site_name": settings.WAGTAIL_SITE_NAME}
    text = _BLANK_LINES.sub("\n\n", render_to_string(f"{template}.txt", context)).strip()
    message = EmailMultiAlternatives(subject=subject, body=text + "\n", to=to)
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message.send()
