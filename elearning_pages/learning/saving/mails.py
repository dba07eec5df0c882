"""The sign-in mail: plain text with an HTML alternative, in the language of the page it was asked on.

Built without a request: the link starts with ``WAGTAILADMIN_BASE_URL``, as the site's other mail.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from elearning_pages.models import CourseIndexPage
from kankernl_site.absolute_urls import mail_url

from ..conf import sign_in_link_age

TEMPLATES = "elearning_pages/learning/mail/"
SAVE, CONTINUE = "save", "continue"


def sign_in_url(index: CourseIndexPage, token: str) -> str:
    path = index.get_url() + index.reverse_subpage("sign_in", kwargs={"token": token})
    return mail_url(path)


def sign_in_mail(email: str, link: str, *, purpose: str) -> EmailMultiAlternatives:
    """``purpose`` SAVE: the learner asked to keep their progress; CONTINUE: to go on elsewhere."""
    subject = _("Your link to continue the e-learning")
    context = {
        "link": link,
        "is_save": purpose == SAVE,
        "hours": int(sign_in_link_age().total_seconds() // 3600),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "subject": subject,
        "language": get_language() or settings.LANGUAGE_CODE,
    }
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{TEMPLATES}sign_in.txt", context), to=[email]
    )
    message.attach_alternative(render_to_string(f"{TEMPLATES}sign_in.html", context), "text/html")
    return message
