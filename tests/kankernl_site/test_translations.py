from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "kankernl_site" / "locale"


def translated(entries) -> dict:
    return {
        (entry.msgid, entry.msgid_plural): (entry.msgstr, {str(k): v for k, v in entry.msgstr_plural.items()})
        for entry in entries
        if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
    }


def test_every_dutch_string_is_translated():
    catalogue = polib.pofile(str(LOCALE_DIR / "nl" / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogues_match_their_sources(language):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    po = polib.pofile(str(po_path))
    assert translated(mo) == translated(po), "run `make messages` to recompile"


def test_django_uses_the_dutch_catalogue():
    with translation.override("nl"):
        assert translation.gettext("Skip to main content") == "Direct naar de inhoud"
    with translation.override("en"):
        assert translation.gettext("Skip to main content") == "Skip to main content"
