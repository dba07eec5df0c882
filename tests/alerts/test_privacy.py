"""The demo's privacy statement says what the alerts keep, why, how long and how to delete it."""


def test_the_privacy_statement_covers_the_alerts_in_both_languages(demo_site, client):
    dutch = client.get("/privacyverklaring/").content.decode()
    for words in ("E-mail over de agenda", "uw e-mailadres", "binnen 7 dagen", "link om te stoppen", "verwijderen"):
        assert words in dutch
    english = client.get("/en/privacy-statement/").content.decode()
    for words in ("E-mail about the agenda", "your e-mail address", "within 7 days", "link to stop", "delete"):
        assert words in english
