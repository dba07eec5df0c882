"""Dutch wording of the toolbox review's strings (branch tb-review), to be merged into the catalogue."""
# ruff: noqa: E501  (keys are the English msgids, whole)

NL = {
    # The review report
    "Toolbox: items to check": "Toolbox: te controleren",
    "Show": "Toon",
    "Overdue and due today": "Te laat en vandaag aan de beurt",
    "Due within a week": "Binnen een week aan de beurt",
    "Due within 30 days": "Binnen 30 dagen aan de beurt",
    "Due within 3 months": "Binnen 3 maanden aan de beurt",
    "Due within a year": "Binnen een jaar aan de beurt",
    "Item": "Onderdeel",
    "Topic": "Onderwerp",
    "Owner": "Eigenaar",
    "Last checked": "Laatst gecontroleerd",
    "Next check": "Volgende controle",
    "Days overdue": "Dagen te laat",
    "Address in the admin": "Adres in het beheer",
    "Check": "Controleren",
    "due today": "vandaag",
    ("due in %(count)s day", "due in %(count)s days"): ("over %(count)s dag", "over %(count)s dagen"),
    "No owner (moderators)": "Geen eigenaar (eindredactie)",
    'Published items whose check is overdue or falls due soon, the longest overdue first. Is an item still correct? Choose "Still correct": the check is recorded without a new version. Does it need a change? Edit it; publishing the change also records the check.': (
        "Gepubliceerde onderdelen die gecontroleerd moeten worden of dat binnenkort moeten, de langst "
        'verlopen bovenaan. Klopt een onderdeel nog? Kies "Nog steeds juist": de controle wordt '
        "vastgelegd zonder nieuwe versie. Moet er iets veranderen? Bewerk het onderdeel; als de "
        "wijziging gepubliceerd is, telt dat ook als controle."
    ),
    "Nothing to check in this period.": "Niets te controleren in deze periode.",
    # "Still correct"
    "Still correct": "Nog steeds juist",
    "Still correct: %(title)s": "Nog steeds juist: %(title)s",
    "'%(title)s' is recorded as still correct. Next check: %(day)s.": (
        "'%(title)s' is vastgelegd als nog steeds juist. Volgende controle: %(day)s."
    ),
    "Checked: still correct": "Gecontroleerd: nog steeds juist",
    "Checked: still correct. Next check on %(day)s": "Gecontroleerd: nog steeds juist. Volgende controle op %(day)s",
    # The owners' reminder
    ("%(count)s toolbox item is due for a check", "%(count)s toolbox items are due for a check"): (
        "%(count)s onderdeel van de toolbox moet gecontroleerd worden",
        "%(count)s onderdelen van de toolbox moeten gecontroleerd worden",
    ),
    (
        "This item in the network toolbox is due for a check. Please check whether it is still correct.",
        "These items in the network toolbox are due for a check. Please check whether they are still correct.",
    ): (
        "Dit onderdeel van de netwerktoolbox moet weer gecontroleerd worden. Wilt u nagaan of het nog klopt?",
        "Deze onderdelen van de netwerktoolbox moeten weer gecontroleerd worden. Wilt u nagaan of ze nog kloppen?",
    ),
    "Check due on %(day)s": "Controle gepland op %(day)s",
    "no owner": "geen eigenaar",
    ("And %(counter)s more item.", "And %(counter)s more items."): (
        "En nog %(counter)s onderdeel.",
        "En nog %(counter)s onderdelen.",
    ),
    "Is the item still correct? Open it and choose 'Still correct' in the menu next to 'Save draft' at the bottom of the page. That is all: the check is recorded, and nothing needs to be approved.": (
        "Klopt het onderdeel nog? Open het en kies 'Nog steeds juist' in het menu naast 'Bewaar concept' "
        "onderaan de pagina. Meer hoeft niet: de controle is vastgelegd en niemand hoeft iets goed te keuren."
    ),
    "Does the item need a change? Edit it and submit it for moderation, as usual. Once it is published, the check is recorded too.": (
        "Moet er iets veranderen? Pas het onderdeel aan en stuur het zoals altijd door naar de redactie. "
        "Als het gepubliceerd is, is de controle ook vastgelegd."
    ),
    "You receive this e-mail because you look after these items in the network toolbox. Items without an owner go to the moderators.": (
        "U krijgt deze e-mail omdat u deze onderdelen van de netwerktoolbox beheert. Over onderdelen "
        "zonder eigenaar krijgt de eindredactie bericht."
    ),
    # The moderators' weekly summary
    ("Toolbox: %(count)s item is overdue for a check", "Toolbox: %(count)s items are overdue for a check"): (
        "Toolbox: %(count)s onderdeel had al gecontroleerd moeten zijn",
        "Toolbox: %(count)s onderdelen hadden al gecontroleerd moeten zijn",
    ),
    (
        "%(counter)s item in the network toolbox is overdue for a check.",
        "%(counter)s items in the network toolbox are overdue for a check.",
    ): (
        "%(counter)s onderdeel van de netwerktoolbox had al gecontroleerd moeten zijn.",
        "%(counter)s onderdelen van de netwerktoolbox hadden al gecontroleerd moeten zijn.",
    ),
    ("%(counter)s day overdue. Owner: %(owner)s", "%(counter)s days overdue. Owner: %(owner)s"): (
        "%(counter)s dag te laat. Eigenaar: %(owner)s",
        "%(counter)s dagen te laat. Eigenaar: %(owner)s",
    ),
    "All items to check, with their owners, are in the review report:": (
        "Alle onderdelen om te controleren, met hun eigenaar, staan in het overzicht:"
    ),
    "Open the review report": "Open het overzicht",
    "You receive this e-mail once a week because you are a moderator of the website.": (
        "U krijgt deze e-mail elke week omdat u bij de eindredactie van de website hoort."
    ),
}
