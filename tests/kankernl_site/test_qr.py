"""QR codes of printed pages: the inline SVG holds exactly the address (decoded here with
zxing-cpp from the SVG's own squares), and the address to type."""

import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kankernl_site.qr import QUIET_ZONE, qr_svg, short_address

QR_CSS = Path(__file__).resolve().parents[2] / "kankernl_site" / "static" / "css" / "qr.css"
MOVE = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?")


def svg_image(svg: str, pixels_per_module: int = 8) -> Image.Image:
    """Draw segno's SVG path (rows of horizontal strokes: M x y, h length, m dx dy) as an image."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg)[1])
    image = Image.new("L", (size * pixels_per_module,) * 2, 255)
    x = y = 0.0
    for command, first, second in MOVE.findall(re.search(r' d="([^"]+)"', svg)[1]):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = float(first)
            row = int(y)  # the stroke runs through the middle of its row (y + 0.5)
            for column in range(int(x), int(x + length)):
                for dy in range(pixels_per_module):
                    for dx in range(pixels_per_module):
                        image.putpixel((column * pixels_per_module + dx, row * pixels_per_module + dy), 0)
            x += length
    return image


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.nl/centra/inloophuis-de-boei/wandelgroep-225698f0/",
        "http://127.0.0.1:8024/agenda/?theme=bewegen&near=3512+AB&radius=25",
    ],
)
def test_the_svg_decodes_to_the_address(url):
    svg = qr_svg(url)

    found = zxingcpp.read_barcodes(svg_image(svg))

    assert [result.text for result in found] == [url]
    assert [result.format for result in found] == [zxingcpp.BarcodeFormat.QRCode]


def test_the_svg_is_inline_sized_by_css_and_hidden_from_screen_readers():
    svg = qr_svg("https://example.nl/a/", css_class="qr qr--large")

    assert svg.startswith('<svg aria-hidden="true" focusable="false"')
    size = int(re.search(r'viewBox="0 0 (\d+)', svg)[1])
    assert f'class="qr qr--large qr--m{size}"' in svg
    assert "width=" not in svg and "<?xml" not in svg and "<text" not in svg
    # No inline style: the Content-Security-Policy (style-src 'self') would drop it.
    assert "style=" not in svg
    modules = size - 2 * QUIET_ZONE  # a QR code of version v is 17 + 4v modules wide, plus its quiet zone
    assert modules >= 21 and (modules - 17) % 4 == 0


def test_the_style_sheet_sizes_every_code_segno_can_draw():
    rules = dict(re.findall(r"\.qr--m(\d+) \{ --qr-modules: (\d+); \}", QR_CSS.read_text()))
    # Versions 1 to 40: 21 to 177 modules, and the quiet zone on both sides.
    expected = {str(17 + 4 * version + 2 * QUIET_ZONE) for version in range(1, 41)}
    assert set(rules) == expected
    assert all(key == value for key, value in rules.items())
    longest = qr_svg("https://www.example.nl/" + "x" * 1500)
    assert re.search(r"qr--m(\d+)", longest)[1] in rules


def test_hostile_text_becomes_squares_never_markup():
    url = 'https://example.nl/"><script>alert(1)</script>'

    svg = qr_svg(url)

    assert "<script" not in svg and "alert" not in svg
    assert zxingcpp.read_barcodes(svg_image(svg))[0].text == url


@pytest.mark.parametrize(
    ("url", "typed"),
    [
        ("https://www.example.nl/centra/de-boei/", "example.nl/centra/de-boei/"),
        ("https://example.nl/", "example.nl"),
        ("http://127.0.0.1:8024/agenda/?centre=de-boei", "127.0.0.1:8024/agenda/?centre=de-boei"),
        ("https://example.nl?centre=x", "example.nl/?centre=x"),
    ],
)
def test_the_address_to_type_leaves_out_what_browsers_add(url, typed):
    assert short_address(url) == typed
