"""Response headers that say what a page may do in the browser, beyond what Django's
SecurityMiddleware sets (nosniff, Referrer-Policy, HSTS, Cross-Origin-Opener-Policy).

The Content-Security-Policy comes from django-csp (``CONTENT_SECURITY_POLICY`` in base settings);
this module adds ``Permissions-Policy``, which Django has no setting for: the site asks for no
camera, microphone, location or payment, so a script that got onto a page could not either.
"""

from django.conf import settings


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``{"geolocation": [], "fullscreen": ["self"]}`` as ``geolocation=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (``PERMISSIONS_POLICY`` in settings) to every response that has
    none of its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
