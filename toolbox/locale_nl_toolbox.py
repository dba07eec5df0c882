"""The Dutch wording of the toolbox's new strings, to be merged into kankernl_site/locale/nl_translations.py."""

NL = {
    # Models and the editor's forms
    "A role and an address, such as a shared mailbox.": "Een rol en een adres, bijvoorbeeld een gedeelde mailbox.",
    "Background": "Achtergrond",
    "Classification": "Indeling",
    "Documents": "Documenten",
    "Fill in for a good practice only; the page shows these as the facts of the case.": (
        "Alleen invullen bij een goed voorbeeld; de pagina toont dit als de feiten van de praktijk."
    ),
    "Good practice": "Goed voorbeeld",
    "Invented content (for the demo): the page says so with the label 'Example'.": (
        "Verzonnen inhoud (voor de demo): de pagina meldt dit met het label 'Voorbeeld'."
    ),
    "Keeping it current": "Borging",
    "Nationwide": "Landelijk",
    "Related items": "Verwante onderdelen",
    "The term of the toolbox's vocabulary this page presents; its items are filtered by it.": (
        "Het begrip uit de woordenlijst van de toolbox dat deze pagina toont; de onderdelen worden erop gefilterd."
    ),
    "Tip or advice": "Tip of advies",
    "Tool or template": "Hulpmiddel of sjabloon",
    "Two or three sentences: what the reader gets.": "Twee of drie zinnen: wat heeft de lezer eraan?",
    "Used in the toolbox's filter addresses. Do not change it once links use it.": (
        "Gebruikt in de adressen van de filters van de toolbox. Verander dit niet meer als links het gebruiken."
    ),
    "Who checks that this item is still correct.": "Wie controleert of dit onderdeel nog klopt.",
    "approach": "aanpak",
    "audiences": "doelgroepen",
    "contact": "contact",
    "document": "document",
    "example content": "voorbeeldinhoud",
    "item": "onderdeel",
    "last checked on": "laatst gecontroleerd op",
    "lessons learned": "lessen",
    "network": "netwerk",
    "next check on": "volgende controle op",
    "owner": "eigenaar",
    "owner group": "eigenaarsgroep",
    "region": "regio",
    "result": "resultaat",
    "review every (months)": "controleren elke (maanden)",
    "situation": "situatie",
    "summary": "samenvatting",
    "tags": "trefwoorden",
    "toolbox audience": "doelgroep toolbox",
    "toolbox audiences": "doelgroepen toolbox",
    "toolbox item": "toolboxonderdeel",
    "toolbox items": "toolboxonderdelen",
    "toolbox overview": "toolboxoverzicht",
    "toolbox overviews": "toolboxoverzichten",
    "toolbox topic": "thema toolbox",
    "toolbox topics": "thema's toolbox",
    "toolbox topic page": "themapagina toolbox",
    "toolbox topic pages": "themapagina's toolbox",
    "topics": "thema's",
    # Public pages
    "Approach": "Aanpak",
    "Example": "Voorbeeld",
    "For": "Voor",
    "For:": "Voor:",
    "In this topic": "In dit thema",
    "Last checked on %(day)s": "Laatst gecontroleerd op %(day)s",
    "Lessons learned": "Lessen",
    "Network": "Netwerk",
    "New in the toolbox": "Nieuw in de toolbox",
    "Region": "Regio",
    "Related": "Zie ook",
    "Situation": "Situatie",
    "Tags": "Trefwoorden",
    "The practice in short": "De praktijk in het kort",
    "There is nothing in this topic yet.": "In dit thema staat nog niets.",
    "This is example content for the demonstration. The facts in it are invented.": (
        "Dit is voorbeeldinhoud voor de demonstratie. De feiten zijn verzonnen."
    ),
    "Topics": "Thema's",
    "We have not checked this page for a long time. Some information may be out of date.": (
        "We hebben deze pagina lang niet gecontroleerd. Sommige informatie is misschien niet meer juist."
    ),
}
