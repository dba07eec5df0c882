"""Bulk onboarding of centres: one CSV row per centre and its feed, safe to run again.

A row makes (or brings up to date) a published centre page under the centres index and one feed
source for its ``feed_url``. The profile columns (street, phone, opening_hours, description) are
optional, so a file made before they existed still reads; the photo is chosen in the admin. Rows
are matched to existing centres by title, case-insensitively, so running the same file twice
changes nothing. Blank optional cells never overwrite what an editor
filled in. Each row is validated in full before anything is written and saved in its own
transaction: a bad row is reported and skipped, and the other rows proceed.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Site

from agenda_pages.models import CentreIndexPage, CentreKind, CentrePage, FeedSource
from agenda_pages.models.feeds import FeedFormatChoice
from agenda_pages.phone import validate_dutch_phone

REQUIRED_COLUMNS = ("name", "kind", "postcode", "city", "website", "feed_url", "feed_format")
PROFILE_COLUMNS = ("street", "phone", "opening_hours", "description")
CSV_COLUMNS = (*REQUIRED_COLUMNS, *PROFILE_COLUMNS)
# The centre page's field for each profile column.
PROFILE_FIELDS = {
    "street": "street_address",
    "phone": "phone",
    "opening_hours": "opening_hours",
    "description": "short_description",
}

CENTRE_INDEX_TITLE = "Centra"
CENTRE_INDEX_SLUG = "centra"
# The index's translations, made under each translated home page (title, slug); the centre pages
# themselves are not translated: a translated index lists the Dutch ones.
CENTRE_INDEX_TRANSLATIONS = {"en": ("Centres", "centres")}

KINDS = {
    "centre": CentreKind.CENTRE,
    "centrum": CentreKind.CENTRE,
    "partner": CentreKind.PARTNER,
    "partner organisatie": CentreKind.PARTNER,
    "partnerorganisatie": CentreKind.PARTNER,
}

# Dutch postcodes: four digits, the first never 0, then (optionally here) two letters.
POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})?$")

_url_validator = URLValidator(schemes=["http", "https"])


class OnboardingAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class OnboardingError(Exception):
    """A row that cannot be onboarded; ``problems`` are (field, message) pairs, field None for the row."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {message}" if field else message for field, message in problems))


class SiteSetupError(OnboardingError):
    """The site has no place for the centres index; no row can be onboarded until it is fixed."""

    def __init__(self, message: str):
        super().__init__([(None, message)])


@dataclass(frozen=True)
class CentreRow:
    """A validated, normalised row; blank optional values are ""."""

    name: str
    kind: str
    postcode: str
    city: str
    website: str
    feed_url: str
    feed_format: str
    street: str = ""
    phone: str = ""
    opening_hours: str = ""
    description: str = ""


@dataclass(frozen=True)
class OnboardingResult:
    centre: CentrePage
    feed_source: FeedSource | None
    action: OnboardingAction


@dataclass(frozen=True)
class RowOutcome:
    """The outcome of one CSV row; ``row`` is the line in the file (the header is 1), None for the file."""

    row: int | None
    name: str
    action: OnboardingAction | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def normalise_postcode(value: str) -> str:
    """``1234ab`` -> ``1234 AB``; raises ValueError for anything that is not a Dutch postcode."""
    match = POSTCODE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def _check_url(field: str, value: str, max_length: int, problems: list[tuple[str | None, str]]) -> None:
    if len(value) > max_length:
        problems.append((field, f"longer than {max_length} characters"))
        return
    try:
        _url_validator(value)
    except ValidationError:
        problems.append((field, f"{value!r} is not a valid http or https address"))


def _check_length(column: str, value: str, problems: list[tuple[str | None, str]]) -> None:
    limit = CentrePage._meta.get_field(PROFILE_FIELDS.get(column, column)).max_length
    if len(value) > limit:
        problems.append((column, f"longer than {limit} characters"))


def _opening_hours(value: str) -> str:
    """One line per day or group of days. In a spreadsheet cell a line break is awkward to type, so
    "di 10-16; wo 10-12" is read as two lines too."""
    lines = (" ".join(line.split()) for line in (value or "").replace(";", "\n").splitlines())
    return "\n".join(line for line in lines if line)


def _clean_profile(
    street: str, phone: str, opening_hours: str, description: str, problems: list[tuple[str | None, str]]
) -> dict[str, str]:
    profile = {
        "street": " ".join((street or "").split()),
        "phone": " ".join((phone or "").split()),
        "opening_hours": _opening_hours(opening_hours),
        "description": " ".join((description or "").split()),
    }
    for column, value in profile.items():  # in column order, so the problems read as the row does
        _check_length(column, value, problems)
        if column == "phone" and value:
            try:
                validate_dutch_phone(value)
            except ValidationError:
                problems.append(
                    ("phone", f"{value!r} is not a Dutch phone number (like 030 123 45 67 or +31 30 123 45 67)")
                )
    return profile


def clean_row(
    *,
    name: str,
    kind: str,
    postcode: str,
    city: str,
    website: str,
    feed_url: str,
    feed_format: str,
    street: str = "",
    phone: str = "",
    opening_hours: str = "",
    description: str = "",
) -> CentreRow:
    """Validate and normalise one row, reporting every problem in it at once."""
    problems: list[tuple[str | None, str]] = []
    name, city = (" ".join((value or "").split()) for value in (name, city))
    website, feed_url = ((value or "").strip() for value in (website, feed_url))

    if not name:
        problems.append(("name", "is required"))
    elif len(name) > (limit := CentrePage._meta.get_field("title").max_length):
        problems.append(("name", f"longer than {limit} characters"))

    kind_key = " ".join((kind or "").lower().split())
    if kind_key not in KINDS:
        problems.append(("kind", f"{kind!r} is not one of {', '.join(repr(k) for k in KINDS)}"))

    try:
        postcode = normalise_postcode(postcode) if (postcode or "").strip() else ""
    except ValueError:
        problems.append(("postcode", f"{postcode!r} is not a Dutch postcode (4 digits and 2 letters, like 1234 AB)"))

    _check_length("city", city, problems)
    if website:
        _check_url("website", website, CentrePage._meta.get_field("website").max_length, problems)
    if feed_url:
        _check_url("feed_url", feed_url, FeedSource._meta.get_field("url").max_length, problems)

    feed_format = (feed_format or "").strip().lower()
    if feed_format and feed_format not in FeedFormatChoice.values:
        problems.append(
            ("feed_format", f"{feed_format!r} is not one of {', '.join(FeedFormatChoice.values)} (or blank for auto)")
        )
    elif feed_format and not feed_url:
        problems.append(("feed_format", "given without a feed_url"))

    profile = _clean_profile(street, phone, opening_hours, description, problems)

    if problems:
        raise OnboardingError(problems)
    return CentreRow(name, KINDS[kind_key], postcode, city, website, feed_url, feed_format, **profile)


def get_or_create_centre_index() -> CentreIndexPage:
    """The centres index under the default site's home page, made (and published) if there is none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise SiteSetupError("There is no default site; create one in Settings > Sites first.")
    root = site.root_page
    index = CentreIndexPage.objects.child_of(root).first()
    if index:
        _ensure_translations(index, root)
        return index
    root = root.specific
    # Asked of the page type's own rules (parent_page_types), so onboarding needs no import of `home`.
    if not CentreIndexPage.can_exist_under(root):
        raise SiteSetupError(
            f"The default site's root page {root.title!r} is not a home page, so there is no place for the "
            f"{CENTRE_INDEX_TITLE!r} index; make a home page the root of the default site first."
        )
    index = CentreIndexPage(title=CENTRE_INDEX_TITLE, slug=CENTRE_INDEX_SLUG, show_in_menus=True)
    root.add_child(instance=index)
    log(instance=index, action="wagtail.create")
    index.save_revision().publish()
    _ensure_translations(index, root)
    return index


def _ensure_translations(index: CentreIndexPage, root) -> None:
    """The index in each language of CENTRE_INDEX_TRANSLATIONS whose home page exists, published and
    in the menu, so the English menu has "Centres" too."""
    present = set(
        CentreIndexPage.objects.filter(translation_key=index.translation_key).values_list("locale_id", flat=True)
    )
    for home in root.get_translations().select_related("locale"):
        names = CENTRE_INDEX_TRANSLATIONS.get(home.locale.language_code)
        if names is None or home.locale_id in present:
            continue
        title, slug = names
        translation = CentreIndexPage(
            title=title, slug=slug, show_in_menus=True, locale=home.locale, translation_key=index.translation_key
        )
        home.add_child(instance=translation)
        log(instance=translation, action="wagtail.create")
        translation.save_revision().publish()


def _sync_centre(index: CentreIndexPage, row: CentreRow) -> tuple[CentrePage, OnboardingAction]:
    wanted = {"kind": row.kind, "postcode": row.postcode, "city": row.city, "website": row.website}
    wanted |= {field: getattr(row, column) for column, field in PROFILE_FIELDS.items()}
    centre = CentrePage.objects.child_of(index).filter(title__iexact=row.name).order_by("path").first()
    if centre is None:
        centre = CentrePage(title=row.name, **wanted)
        index.add_child(instance=centre)
        log(instance=centre, action="wagtail.create")  # as Wagtail's own create view logs it
        centre.save_revision().publish()
        return centre, OnboardingAction.CREATED

    # Compare with what an editor sees: the latest revision, which may be a draft.
    current = centre.get_latest_revision_as_object() if centre.has_unpublished_changes else centre
    changes = {field: value for field, value in wanted.items() if value and getattr(current, field) != value}
    if not changes:
        return centre, OnboardingAction.UNCHANGED
    if centre.live and centre.has_unpublished_changes:
        # Publishing our change would publish an editor's unfinished draft along with it.
        raise OnboardingError(
            [(None, f"the centre page {centre.title!r} has unpublished changes; publish or discard them first")]
        )
    for field, value in changes.items():
        setattr(current, field, value)
    revision = current.save_revision(log_action=True)
    if centre.live:  # an editor who unpublished a centre keeps it unpublished
        revision.publish()
    return current, OnboardingAction.UPDATED


def _sync_feed_source(centre: CentrePage, row: CentreRow) -> tuple[FeedSource | None, bool]:
    """The centre's source for ``row.feed_url``, made or brought up to date; True when it was written."""
    if not row.feed_url:
        return None, False
    other = FeedSource.objects.filter(url=row.feed_url).exclude(centre=centre).select_related("centre").first()
    if other:
        raise OnboardingError([("feed_url", f"already the feed of {other.centre.title!r}")])
    source = FeedSource.objects.filter(centre=centre, url=row.feed_url).first()
    if source is None:
        fmt = row.feed_format or FeedFormatChoice.AUTO
        return FeedSource.objects.create(centre=centre, url=row.feed_url, format=fmt), True
    if row.feed_format and source.format != row.feed_format:
        source.format = row.feed_format
        source.save(update_fields=["format"])
        return source, True
    return source, False


def onboard_centre(
    *,
    name: str,
    kind: str,
    postcode: str = "",
    city: str = "",
    website: str = "",
    feed_url: str = "",
    feed_format: str = "",
    **profile: str,
) -> OnboardingResult:
    """Make or update one published centre page and its feed source, in one transaction. ``profile``
    takes the optional PROFILE_COLUMNS (street, phone, opening_hours, description).

    Raises OnboardingError (naming the fields) when the values are invalid; nothing is written then.
    """
    row = clean_row(
        name=name,
        kind=kind,
        postcode=postcode,
        city=city,
        website=website,
        feed_url=feed_url,
        feed_format=feed_format,
        **profile,
    )
    with transaction.atomic():
        index = get_or_create_centre_index()
        centre, action = _sync_centre(index, row)
        source, source_written = _sync_feed_source(centre, row)
    if action == OnboardingAction.UNCHANGED and source_written:
        action = OnboardingAction.UPDATED
    return OnboardingResult(centre=centre, feed_source=source, action=action)


def _check_header(fieldnames: Iterable[str] | None) -> str | None:
    expected = f"{','.join(REQUIRED_COLUMNS)} (and optionally {','.join(PROFILE_COLUMNS)})"
    if not fieldnames:
        return f"The file is empty; the first line must be the header {expected}."
    found = [(name or "").strip().lower() for name in fieldnames]
    missing = [column for column in REQUIRED_COLUMNS if column not in found]
    unexpected = [column for column in found if column not in CSV_COLUMNS]
    duplicated = sorted({column for column in found if found.count(column) > 1})
    if not (missing or unexpected or duplicated):
        return None
    details = []
    if missing:
        details.append(f"missing {', '.join(missing)}")
    if unexpected:
        details.append(f"unexpected {', '.join(repr(column) for column in unexpected)}")
    if duplicated:
        details.append(f"repeated {', '.join(duplicated)}")
    return f"Bad header ({'; '.join(details)}); the columns must be {expected}."


def onboard_csv(text_stream: Iterable[str]) -> list[RowOutcome]:
    """Onboard every row of a CSV file (opened with ``newline=""``); one outcome per non-blank row.

    A bad header, or a site without a home page for the centres index, stops the file with one
    outcome whose ``row`` is 1 (the header) or None.
    """
    reader = csv.reader(text_stream)
    header = next(reader, None)
    if header and header[0].startswith("\ufeff"):  # Excel's byte order mark
        header[0] = header[0][1:]
    problem = _check_header(header)
    if problem:
        return [RowOutcome(row=1, name="", error=problem)]
    columns = [name.strip().lower() for name in header]

    outcomes = []
    for number, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        cells = dict(zip(columns, values, strict=False))
        name = " ".join(cells.get("name", "").split())
        if len(values) != len(columns):
            error = f"row {number}: has {len(values)} fields, the header has {len(columns)}"
            outcomes.append(RowOutcome(row=number, name=name, error=error))
            continue
        try:
            result = onboard_centre(**cells)
        except SiteSetupError as exc:
            return [*outcomes, RowOutcome(row=None, name="", error=str(exc))]
        except OnboardingError as exc:
            outcomes.append(RowOutcome(row=number, name=name, error=f"row {number}: {exc}"))
        except ValidationError as exc:  # from Wagtail's own checks when saving the page
            outcomes.append(RowOutcome(row=number, name=name, error=f"row {number}: {'; '.join(exc.messages)}"))
        else:
            outcomes.append(RowOutcome(row=number, name=result.centre.title, action=result.action))
    return outcomes
