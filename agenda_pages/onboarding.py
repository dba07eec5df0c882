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
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Site

from agenda_pages.models import CentreIndexPage, CentrePage, FeedSource
from agenda_pages.models.feeds import FeedFormatChoice
from agenda_pages.onboarding_rows import (
    PROFILE_FIELDS,
    CentreRow,
    OnboardingError,
    check_header,
    clean_row,
)

CENTRE_INDEX_TITLE = "Centra"
CENTRE_INDEX_SLUG = "centra"
# The index's translations, made under each translated home page (title, slug); the centre pages
# themselves are not translated: a translated index lists the Dutch ones.
CENTRE_INDEX_TRANSLATIONS = {"en": ("Centres", "centres")}


class OnboardingAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class SiteSetupError(OnboardingError):
    """The site has no place for the centres index; no row can be onboarded until it is fixed."""

    def __init__(self, message: str):
        super().__init__([(None, message)])


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


def onboard_csv(text_stream: Iterable[str]) -> list[RowOutcome]:
    """Onboard every row of a CSV file (opened with ``newline=""``); one outcome per non-blank row.

    A bad header, or a site without a home page for the centres index, stops the file with one
    outcome whose ``row`` is 1 (the header) or None.
    """
    reader = csv.reader(text_stream)
    header = next(reader, None)
    if header and header[0].startswith("\ufeff"):  # Excel's byte order mark
        header[0] = header[0][1:]
    problem = check_header(header)
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
