"""QR codes for what the site prints (the agenda's programmes, the e-learning's certificates and
handouts): an address in, an inline SVG element out. Pure: no request, no database.

Drawn on the server (segno) as SVG, so the printer gets sharp squares at any size and the page
needs no script or image request for each code.
"""

from urllib.parse import urlsplit

import segno
from django.utils.safestring import SafeString, mark_safe

# A quiet zone of four modules is what the QR standard asks; scanners misread codes set closer to text.
QUIET_ZONE = 4


def qr_svg(url: str, *, css_class: str = "qr") -> SafeString:
    """``url`` as an inline ``<svg>`` QR code, sized by CSS (it has a viewBox and no width; the
    page links ``css/qr.css``).

    Hidden from screen readers: the address itself is printed next to every code.
    """
    code = segno.make(url, error="m", micro=False)
    # The number of modules (squares across, with the quiet zone) goes to CSS as a class (qr.css
    # turns it into --qr-modules; an inline style would break the Content-Security-Policy), which
    # gives each module one size: a longer address makes a bigger code, never smaller squares that a
    # phone cannot read.
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    svg = code.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        omitsize=True,
        svgclass=f"{css_class} qr--m{modules}",
        lineclass=None,
        dark="#000",
    )
    # segno writes only characters of its own (the address is encoded as squares, never as text), so
    # the element is safe to put on a page as it is.
    attributes = 'aria-hidden="true" focusable="false" shape-rendering="crispEdges" '
    return mark_safe(svg.replace("<svg ", f"<svg {attributes}", 1))


def short_address(url: str) -> str:
    """The address as a person types it: without ``https://`` and ``www.``, "/" at the end kept off
    when nothing follows the host: ``kanker.nl/agenda/wandelgroep/``."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    rest = parts.path if parts.path not in ("", "/") else ""
    if parts.query:
        rest = f"{rest or '/'}?{parts.query}"
    return f"{host}{rest}"
