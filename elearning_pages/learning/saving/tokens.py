"""The sign-in link's token: which learner, for which address, signed and time-limited.

Nothing is stored for a token: it carries the learner's key and the address, signed with the site's
secret (``django.core.signing``) with the moment it was made, and works for ``sign_in_link_age()``.
The signed value is base64-encoded once more: Wagtail serves only letters, digits, "-" and "_" in a
path segment, and a signature holds colons.
"""

import uuid

from django.core import signing
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from ..conf import sign_in_link_age

SALT = "elearning_pages.sign_in"


class Expired(Exception):
    """A well-signed link whose time has passed."""


def make_token(learner_key: uuid.UUID, email: str) -> str:
    signed = signing.dumps([str(learner_key), email], salt=SALT, compress=True)
    return urlsafe_base64_encode(signed.encode())


def read_token(token: str) -> tuple[uuid.UUID, str] | None:
    """(learner key, address), or None for a forged or mangled token; raises ``Expired``."""
    try:
        signed = urlsafe_base64_decode(token).decode()
        key, email = signing.loads(signed, salt=SALT, max_age=sign_in_link_age())
        return uuid.UUID(key), str(email)
    except signing.SignatureExpired as expired:
        raise Expired() from expired
    except (signing.BadSignature, ValueError, TypeError):  # UnicodeDecodeError is a ValueError
        return None
