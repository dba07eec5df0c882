"""Dutch wording of the toolbox search's new strings (branch tb-search), to be merged into
kankernl_site/locale/nl/LC_MESSAGES/django.po. Keys are the msgids as makemessages writes them
(``{{ query }}`` in a template becomes ``%(query)s``); a plural is a pair of msgids -> a pair."""

NL = {
    "Search the toolbox": "Zoeken in de toolbox",
    "Toolbox: results for “%(query)s”": "Toolbox: resultaten voor “%(query)s”",
    "Search words": "Zoekwoorden",
    "Search this topic": "Zoeken in dit thema",
    "Search with filters: topic, kind, for whom, region": "Zoeken met filters: thema, soort, voor wie, regio",
    "Filters": "Filters",
    ("Filters (%(counter)s chosen)", "Filters (%(counter)s chosen)"): (
        "Filters (%(counter)s gekozen)",
        "Filters (%(counter)s gekozen)",
    ),
    "Filter the results": "Resultaten filteren",
    "Topic": "Thema",
    "Kind": "Soort",
    "For whom": "Voor wie",
    "Region": "Regio",
    "Region:": "Regio:",
    "There is nothing to filter on.": "Er is niets om op te filteren.",
    "Show results": "Toon resultaten",
    "Clear all filters": "Alle filters wissen",
    "Chosen filters": "Gekozen filters",
    "Remove filter:": "Filter weghalen:",
    ("%(counter)s result", "%(counter)s results"): ("%(counter)s resultaat", "%(counter)s resultaten"),
    ("%(counter)s result for “%(query)s”", "%(counter)s results for “%(query)s”"): (
        "%(counter)s resultaat voor “%(query)s”",
        "%(counter)s resultaten voor “%(query)s”",
    ),
    ("%(counter)s item", "%(counter)s items"): ("%(counter)s onderdeel", "%(counter)s onderdelen"),
    "Nothing found with these words and filters.": "Niets gevonden met deze woorden en filters.",
    "Nothing found with these filters.": "Niets gevonden met deze filters.",
    "There is nothing in the toolbox yet.": "Er staat nog niets in de toolbox.",
    "Search more widely": "Breder zoeken",
    "Without the words “%(query)s”": "Zonder de woorden “%(query)s”",
    "Without “%(label)s”": "Zonder “%(label)s”",
    "Often read": "Veel gelezen",
    "Tags: %(names)s": "Trefwoorden: %(names)s",
}
