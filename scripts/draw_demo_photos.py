"""Draw the demo centres' photos: calm, flat illustrations made here with Pillow, so the demo needs
no photo of anyone else (see the credits page). Run again to redraw them:

    .venv/bin/python scripts/draw_demo_photos.py

Each is drawn at twice the size and scaled down (for soft edges), then stored as a 64-colour PNG
well under 100 KB in agenda_pages/demo_photos/.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "agenda_pages" / "demo_photos"
W, H = 1920, 1080  # drawn at 2x; stored at 960x540, the centre page's crop

SKY = (250, 236, 214)
SUN = (246, 196, 120)
HILL_FAR = (214, 200, 170)
HILL_NEAR = (176, 190, 150)
WALL = (236, 222, 200)
ROOF = (150, 70, 90)
WINDOW = (255, 214, 130)
FRAME = (110, 60, 80)
WATER = (170, 200, 210)
TREE = (120, 150, 110)
TRUNK = (120, 90, 70)


def sky(draw, top, bottom):
    for y in range(H):
        t = y / H
        draw.line([(0, y), (W, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def hills(draw, base, colour, bumps):
    points = [(0, H)]
    for x in range(0, W + 40, 40):
        y = base
        for centre, height, width in bumps:
            y -= height * max(0.0, 1 - ((x - centre) / width) ** 2)
        points.append((x, y))
    points.append((W, H))
    draw.polygon(points, fill=colour)


def house(draw, x, y, width, height, *, windows=2, door=True):
    draw.rectangle([x, y, x + width, y + height], fill=WALL)
    draw.polygon([(x - 30, y), (x + width / 2, y - height * 0.55), (x + width + 30, y)], fill=ROOF)
    size = width / (windows * 2 + 1)
    for n in range(windows):
        left = x + size * (2 * n + 1)
        draw.rounded_rectangle([left, y + height * 0.2, left + size, y + height * 0.2 + size], 12, fill=WINDOW)
        draw.line([left + size / 2, y + height * 0.2, left + size / 2, y + height * 0.2 + size], fill=FRAME, width=6)
    if door:
        draw.rounded_rectangle([x + width / 2 - 45, y + height - 170, x + width / 2 + 45, y + height], 20, fill=FRAME)


def tree(draw, x, base, size):
    draw.rectangle([x - size * 0.08, base - size * 0.6, x + size * 0.08, base], fill=TRUNK)
    draw.ellipse([x - size * 0.45, base - size * 1.3, x + size * 0.45, base - size * 0.45], fill=TREE)


def de_boei():
    """A canal house with lit windows, and a buoy on the water."""
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (252, 232, 205), SKY)
    draw.ellipse([1450, 140, 1690, 380], fill=SUN)
    hills(draw, 820, HILL_FAR, [(300, 120, 500), (1500, 90, 600)])
    house(draw, 560, 420, 520, 420, windows=2)
    house(draw, 1120, 500, 380, 340, windows=1, door=False)
    tree(draw, 330, 840, 420)
    draw.rectangle([0, 840, W, H], fill=WATER)
    for y in (900, 960, 1020):
        draw.line([(120, y), (1800, y)], fill=(200, 222, 228), width=6)
    draw.ellipse([1500, 860, 1640, 1000], fill=(220, 90, 70))
    draw.rectangle([1500, 915, 1640, 945], fill=(250, 240, 230))
    return image


def het_baken():
    """A beacon on a dune at dusk, with a small house beside it."""
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (236, 214, 220), (252, 230, 200))
    draw.ellipse([260, 180, 460, 380], fill=SUN)
    hills(draw, 900, HILL_FAR, [(1200, 260, 700)])
    hills(draw, 980, HILL_NEAR, [(500, 120, 600), (1600, 90, 500)])
    base = 700
    draw.polygon([(1160, base), (1260, 250), (1340, 250), (1440, base)], fill=(248, 244, 236))
    for y in (380, 520):
        draw.polygon([(1160 + (base - y) * 0.0, y), (1440, y), (1440, y + 60), (1160, y + 60)], fill=(200, 90, 90))
    draw.rectangle([1240, 190, 1360, 250], fill=WINDOW)
    draw.polygon([(1230, 190), (1300, 130), (1370, 190)], fill=ROOF)
    draw.rectangle([1140, base, 1460, base + 40], fill=(248, 244, 236))
    house(draw, 600, 620, 360, 300, windows=2, door=False)
    return image


def samen_verder():
    """A table with two cups and a plant by a window: a conversation about to start."""
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, W, H], fill=(244, 232, 214))
    draw.rounded_rectangle([1080, 140, 1700, 640], 30, fill=(200, 222, 228))
    draw.line([1390, 140, 1390, 640], fill=(244, 232, 214), width=20)
    draw.line([1080, 390, 1700, 390], fill=(244, 232, 214), width=20)
    draw.ellipse([1460, 200, 1600, 340], fill=SUN)
    draw.rectangle([0, 780, W, H], fill=(214, 190, 160))
    draw.rounded_rectangle([300, 700, 1500, 760], 20, fill=(160, 110, 80))
    draw.rectangle([380, 760, 420, 1000], fill=(140, 95, 70))
    draw.rectangle([1380, 760, 1420, 1000], fill=(140, 95, 70))
    for x, colour in ((620, (110, 140, 170)), (960, ROOF)):
        draw.rounded_rectangle([x, 580, x + 150, 700], 18, fill=colour)
        draw.arc([x + 120, 605, x + 200, 675], 270, 90, fill=colour, width=18)
        for n in range(3):
            draw.arc([x + 30 + n * 35, 480, x + 70 + n * 35, 570], 200, 340, fill=(190, 170, 160), width=6)
    draw.rounded_rectangle([1250, 560, 1370, 700], 16, fill=(190, 120, 90))
    for dx, dy in ((-70, -150), (0, -200), (70, -150), (-30, -110), (40, -110)):
        draw.ellipse([1310 + dx - 45, 560 + dy - 25, 1310 + dx + 45, 560 + dy + 95], fill=TREE)
    return image


def landelijk_netwerk():
    """Dots joined by lines over soft hills: many centres, one network."""
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (232, 226, 240), SKY)
    hills(draw, 920, HILL_FAR, [(500, 200, 700), (1500, 150, 600)])
    hills(draw, 1000, HILL_NEAR, [(1000, 120, 800)])
    points = [(380, 420), (700, 260), (980, 470), (1300, 300), (1560, 500), (820, 650), (1200, 700)]
    for a, b in ((0, 1), (1, 2), (2, 3), (3, 4), (2, 5), (5, 6), (6, 4), (1, 3), (0, 5)):
        draw.line([points[a], points[b]], fill=(170, 130, 150), width=10)
    for n, (x, y) in enumerate(points):
        radius = 58 if n == 2 else 42
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=ROOF if n == 2 else WINDOW)
        draw.ellipse([x - radius * 0.45, y - radius * 0.45, x + radius * 0.45, y + radius * 0.45], fill=WALL)
    return image


PHOTOS = {
    "inloophuis-de-boei.png": de_boei,
    "centrum-het-baken.png": het_baken,
    "stichting-samen-verder.png": samen_verder,
    "landelijk-netwerk-samen-verder.png": landelijk_netwerk,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, draw in PHOTOS.items():
        image = draw().resize((W // 2, H // 2), Image.Resampling.LANCZOS)
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            OUT / name, optimize=True
        )
        print(f"{name}: {(OUT / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
