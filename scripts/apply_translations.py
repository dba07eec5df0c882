"""Fill the Dutch catalogue from kankernl_site/locale/nl_translations.py and compile both catalogues.

Run by `make messages` after `makemessages`; uses polib (a wagtail-localize dependency), so it also
works where GNU gettext is missing.
"""

import importlib.util
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "kankernl_site" / "locale"


def load_translations() -> dict:
    spec = importlib.util.spec_from_file_location("nl_translations", LOCALE_DIR / "nl_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.NL


def main() -> int:
    translations = load_translations()
    catalogue = polib.pofile(str(LOCALE_DIR / "nl" / "LC_MESSAGES" / "django.po"))
    missing = []
    for entry in catalogue:
        # makemessages marks near-matches "fuzzy" with a guessed translation; ours replace them.
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = None
        if entry.msgid_plural:
            plural = translations.get((entry.msgid, entry.msgid_plural))
            entry.msgstr_plural = {0: plural[0], 1: plural[1]} if plural else {0: "", 1: ""}
        else:
            entry.msgstr = translations.get(entry.msgid, "")
        if not entry.translated():
            missing.append(entry.msgid)
    catalogue.save()
    for language in ("nl", "en"):
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    for msgid in missing:
        print(f"untranslated in nl: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
