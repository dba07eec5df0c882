"""The alerts' addresses, inside the site's language patterns: Dutch without a prefix, English under
/en/, each path in the visitor's language (``/meldingen/``, ``/en/alerts/``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from alerts.subscribing import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path(_("follow/<int:page_id>/"), views.follow, name="follow"),
    path(_("sent/"), views.sent, name="sent"),
    path(_("confirm/<str:token>/"), views.confirm_alert, name="confirm"),
    path(_("manage/<str:token>/"), views.manage, name="manage"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
