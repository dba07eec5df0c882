"""Dutch wording for the strings added in the review of the admin reports (merged into nl_translations.py)."""

NL = {
    "On a narrow screen, swipe or scroll sideways to see the whole chart.": (
        "Op een smal scherm veegt of scrolt u opzij om de hele grafiek te zien."
    ),
}
