"""Signed links in the alerts' mails: confirm, manage and unsubscribe, without an account or login.

A token names the row (its kind and id) and the moment it was asked for, signed with the site's
secret (``django.core.signing``); nothing else is stored for it. The moment makes a link to a deleted
row useless for a new row that happens to get the same id. Confirmation links expire; the links to
manage or leave an alert keep working as long as the alert exists, as every mail carries them.
"""

from dataclasses import dataclass

from django.core import signing

from alerts import conf
from alerts.models import Follow, Subscription

CONFIRM = "confirm"
MANAGE = "manage"
UNSUBSCRIBE = "unsubscribe"
PURPOSES = (CONFIRM, MANAGE, UNSUBSCRIBE)

KINDS = {"s": Subscription, "f": Follow}
KIND_OF = {Subscription: "s", Follow: "f"}


@dataclass(frozen=True)
class Expired(Exception):
    """A well-signed link whose time has passed."""


def _salt(purpose: str) -> str:
    return f"alerts.{purpose}"


def make_token(alert: Subscription | Follow, purpose: str) -> str:
    payload = [KIND_OF[type(alert)], alert.pk, int(alert.created_at.timestamp())]
    return signing.dumps(payload, salt=_salt(purpose), compress=False)


def read_token(token: str, purpose: str) -> Subscription | Follow | None:
    """The alert a token names, or None when it is forged, malformed or its alert is gone.

    Raises ``Expired`` for a confirmation link older than the confirmation period.
    """
    max_age = conf.confirmation_age() if purpose == CONFIRM else None
    try:
        kind, pk, created = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired as expired:
        raise Expired() from expired
    except (signing.BadSignature, ValueError, TypeError):
        return None
    model = KINDS.get(kind)
    if model is None or not isinstance(pk, int):
        return None
    alert = model.objects.filter(pk=pk).first()
    if alert is None or int(alert.created_at.timestamp()) != created:
        return None
    return alert
