"""Dutch for the usage counts' strings (usage/), to merge into kankernl_site/locale/nl_translations.py.
The public ones ("Was dit nuttig?") in plain B1 Dutch; the rest is for the moderators' reports."""

NL = {
    # Public: "Was dit nuttig?"
    "Was this useful?": "Was dit nuttig?",
    "Would you like to tell us more? (optional)": "Wilt u iets uitleggen? (niet verplicht)",
    "Do not write your name, e-mail address or phone number.": (
        "Schrijf hier niet uw naam, e-mailadres of telefoonnummer."
    ),
    "Yes, this was useful": "Ja, dit was nuttig",
    "No, this was not useful": "Nee, dit was niet nuttig",
    "Thank you for your answer. We use it to improve this page.": (
        "Bedankt voor uw antwoord. Wij gebruiken het om deze pagina beter te maken."
    ),
    "We have received many answers from you. Please try again later.": (
        "Wij kregen veel antwoorden van u. Probeer het later nog eens."
    ),
    "Yes": "Ja",
    "No": "Nee",
    # Admin: the app and its reports
    "Usage analysis": "Gebruiksanalyse",
    "Usage": "Gebruik",
    "usefulness answer": "antwoord op 'Was dit nuttig?'",
    "Period": "Periode",
    "Top searches": "Meest gezocht",
    "Searches without results": "Zoekopdrachten zonder resultaat",
    "Followed search results": "Gevolgde zoekresultaten",
    "Most viewed pages": "Meest bekeken pagina's",
    "Most downloaded documents": "Meest gedownloade documenten",
    "Usefulness per page": "Nuttig per pagina",
    "Comments on pages": "Opmerkingen bij pagina's",
    "Search term": "Zoekterm",
    "Searches": "Zoekopdrachten",
    "Found nothing": "Niets gevonden",
    "Followed": "Gevolgd",
    "Results followed": "Resultaten gevolgd",
    "(not from a search)": "(niet vanuit een zoekopdracht)",
    "Views": "Weergaven",
    "Document": "Document",
    "Downloads": "Downloads",
    "Useful": "Nuttig",
    "Not useful": "Niet nuttig",
    "From %(first)s to %(last)s. Robots are not counted; a view is counted only in browsers with JavaScript.": (
        "Van %(first)s tot en met %(last)s. Robots tellen niet mee; een weergave telt alleen in browsers met "
        "JavaScript."
    ),
    "Views per day; the highest bar is %(highest)s views": (
        "Weergaven per dag; de hoogste staaf is %(highest)s weergaven"
    ),
    "Views of all counted pages per day in the chosen period.": (
        "Weergaven van alle getelde pagina's per dag in de gekozen periode."
    ),
    # Already in nl_translations.py, listed so nothing is missed: "Comment", "Date", "Page", "yes",
    # "no", "Leave this field empty".
}
