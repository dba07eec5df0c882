import math

import pytest

from agenda_pages import geo


def test_a_postcode_with_or_without_letters_is_the_same_area():
    found = geo.find_postcode("3511 AB")

    assert found == geo.find_postcode("3511ab") == geo.find_postcode(" 3511 ") == geo.find("3511 AB")
    assert found.label == "3511 Utrecht"
    assert (found.place, found.province) == ("Utrecht", "Utrecht")
    assert found.latitude == pytest.approx(52.09, abs=0.02)
    assert found.longitude == pytest.approx(5.12, abs=0.02)


def test_an_unknown_or_malformed_postcode_is_not_found():
    assert geo.find_postcode("1000 AB") is None  # a real postcode range (post office boxes) without an area
    for text in ("0123 AB", "12345", "3511 ABC", "AB 3511", "", "   "):
        assert geo.find_postcode(text) is None, text
    assert geo.postcode_digits("3511 ab") == "3511"
    assert geo.postcode_digits("35") is None


def test_place_names_resolve_to_the_middle_of_their_postcode_areas():
    utrecht = geo.find_place("Utrecht")

    assert utrecht == geo.find("utrecht") == geo.find_place("  UTRECHT ")
    assert utrecht.province == "Utrecht"
    assert geo.find_place("Xylofoonstad") is None
    assert geo.find_place("") is None


@pytest.mark.parametrize("name", ["Den Haag", "den haag", "The Hague", "'s-Gravenhage", "s Gravenhage"])
def test_the_hague_by_any_of_its_names(name):
    found = geo.find_place(name)

    assert found is not None
    assert found.place == "'s-Gravenhage"
    assert found.province == "Zuid-Holland"


def test_den_bosch_and_accents():
    assert geo.find_place("Den Bosch").place == "'s-Hertogenbosch"
    assert geo.normalise_place("Fryslân") == "friesland"


def test_find_tells_postcodes_from_place_names():
    assert geo.find("3511").label == "3511 Utrecht"
    assert geo.find("Amsterdam").label == "Amsterdam"
    assert geo.find("1000 ZZ") is None


def test_distance_utrecht_amsterdam():
    utrecht, amsterdam = geo.find_place("Utrecht"), geo.find_place("Amsterdam")

    distance = geo.distance_km(utrecht.latitude, utrecht.longitude, amsterdam.latitude, amsterdam.longitude)

    assert distance == pytest.approx(34, abs=1.5)
    assert geo.distance_km(52.0, 5.0, 52.0, 5.0) == 0
    assert distance == pytest.approx(
        geo.distance_km(amsterdam.latitude, amsterdam.longitude, utrecht.latitude, utrecht.longitude)
    )


def destination(latitude: float, longitude: float, bearing: float, distance_km: float) -> tuple[float, float]:
    """The point ``distance_km`` from a point in direction ``bearing`` (degrees), on the same sphere."""
    angle = distance_km / geo.EARTH_RADIUS_KM
    phi, lam, theta = math.radians(latitude), math.radians(longitude), math.radians(bearing)
    phi2 = math.asin(math.sin(phi) * math.cos(angle) + math.cos(phi) * math.sin(angle) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(phi), math.cos(angle) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lam2)


def in_box(box: geo.BoundingBox, latitude: float, longitude: float) -> bool:
    return box.min_latitude <= latitude <= box.max_latitude and box.min_longitude <= longitude <= box.max_longitude


def test_destination_helper_agrees_with_distance_km():
    latitude, longitude = destination(52.09, 5.12, 45, 25)
    assert geo.distance_km(52.09, 5.12, latitude, longitude) == pytest.approx(25)


@pytest.mark.parametrize("radius", [5, 25, 100])
def test_every_postcode_area_within_the_radius_is_inside_the_bounding_box(radius):
    """What the SQL pre-filter relies on, over the real data: it never drops an area in range."""
    centre = geo.find_place("Utrecht")
    box = geo.bounding_box(centre.latitude, centre.longitude, radius)

    within = [
        area
        for area in geo._areas().values()
        if geo.distance_km(centre.latitude, centre.longitude, area.latitude, area.longitude) <= radius
    ]

    assert within
    assert all(in_box(box, area.latitude, area.longitude) for area in within)


@pytest.mark.parametrize("radius", [5, 25, 100])
def test_the_bounding_box_contains_the_circle_just_inside_its_edge(radius):
    centre = geo.find_place("Utrecht")
    box = geo.bounding_box(centre.latitude, centre.longitude, radius)

    for bearing in range(0, 360, 5):
        assert in_box(box, *destination(centre.latitude, centre.longitude, bearing, radius * 0.995)), bearing


@pytest.mark.parametrize("radius", [5, 25, 300])
def test_the_bounding_box_contains_the_whole_circle(radius):
    centre = geo.find_place("Utrecht")
    box = geo.bounding_box(centre.latitude, centre.longitude, radius)

    for bearing in range(0, 360):
        assert in_box(box, *destination(centre.latitude, centre.longitude, bearing, radius)), bearing
