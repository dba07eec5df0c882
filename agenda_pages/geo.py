"""Where a Dutch postcode or place is, from the postcode areas shipped in ``data/nl_pc4.csv``.

No geocoding service is called: the 4,069 four-digit postcode areas (GeoNames, CC BY 4.0, see
``data/README.md``) are read once per process. A place name resolves to the middle of all the
postcode areas that carry it, so "Utrecht" lands in the city and not in one corner of it.
"""

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "nl_pc4.csv"

POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})?$")

PROVINCES = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)

# Names people use that the data spells differently.
PLACE_ALIASES = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
    "hertogenbosch": "s hertogenbosch",
    "fryslan": "friesland",
}

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE_LATITUDE = EARTH_RADIUS_KM * math.pi / 180  # on the same sphere as distance_km


@dataclass(frozen=True)
class Location:
    """A point that a postcode or place name stands for."""

    label: str  # what to show: "3512 Utrecht" or "Utrecht"
    place: str
    province: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class BoundingBox:
    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


@dataclass(frozen=True)
class _Area:
    postcode: str
    place: str
    municipality: str
    province: str
    latitude: float
    longitude: float


def normalise_place(text: str) -> str:
    """``'s-Gravenhage`` -> ``s gravenhage``: no accents, case, punctuation or double spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return PLACE_ALIASES.get(text, text)


@cache
def _areas() -> dict[str, _Area]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["postcode"]: _Area(
                postcode=row["postcode"],
                place=row["place"],
                municipality=row["municipality"],
                province=row["province"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
            )
            for row in csv.DictReader(handle)
        }


@cache
def _places() -> dict[str, Location]:
    """Each place and municipality name, at the mean of its postcode areas."""
    groups: dict[str, list[_Area]] = {}
    names: dict[str, str] = {}
    for area in _areas().values():
        # A set: most areas' place and municipality are the same name and must count once.
        for key, name in {normalise_place(name): name for name in (area.municipality, area.place)}.items():
            groups.setdefault(key, []).append(area)
            names.setdefault(key, name)
    places = {}
    for key, areas in groups.items():
        provinces = [area.province for area in areas]
        places[key] = Location(
            label=names[key],
            place=names[key],
            province=max(set(provinces), key=provinces.count),
            latitude=sum(area.latitude for area in areas) / len(areas),
            longitude=sum(area.longitude for area in areas) / len(areas),
        )
    return places


def postcode_digits(text: str) -> str | None:
    """The four digits of a Dutch postcode (``3512``, ``3512 AB``, ``3512ab``), or None."""
    match = POSTCODE_RE.match(text.strip())
    return match.group(1) if match else None


def looks_like_postcode(text: str) -> bool:
    return bool(re.match(r"^\s*\d", text))


def find_postcode(text: str) -> Location | None:
    digits = postcode_digits(text)
    area = _areas().get(digits) if digits else None
    if area is None:
        return None
    return Location(
        label=f"{area.postcode} {area.place}",
        place=area.place,
        province=area.province,
        latitude=area.latitude,
        longitude=area.longitude,
    )


def find_place(text: str) -> Location | None:
    key = normalise_place(text)
    return _places().get(key) if key else None


def find(text: str) -> Location | None:
    """A postcode or a place name; None when neither is known."""
    return find_postcode(text) if looks_like_postcode(text) else find_place(text)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> BoundingBox:
    """A box around the circle, for an index-friendly pre-filter in SQL; the exact distance is
    checked afterwards. Wide enough at the latitudes of the Netherlands (no poles, no date line)."""
    radius_km *= 1.001  # slack against rounding: a centre exactly on the circle stays inside
    dlat = radius_km / KM_PER_DEGREE_LATITUDE
    # A degree of longitude is narrowest on the box's edge nearest the pole, so measure it there.
    widest_latitude = min(abs(latitude) + dlat, 89.0)
    dlon = radius_km / (KM_PER_DEGREE_LATITUDE * math.cos(math.radians(widest_latitude)))
    return BoundingBox(latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon)
