from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.demo_content import STANDARD_PAGES
from home.models import HomePage, StandardPage


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_builds_dutch_tree_with_english_translations(db):
    run_load_demo()
    homes = HomePage.objects.order_by("locale__language_code")
    assert [home.locale.language_code for home in homes] == ["en", "nl"]
    assert homes[0].translation_key == homes[1].translation_key
    assert Site.objects.get(is_default_site=True).root_page.specific == HomePage.objects.get(
        locale__language_code="nl"
    )
    for spec in STANDARD_PAGES:
        dutch = StandardPage.objects.get(slug=spec.nl.slug, locale__language_code="nl")
        english = dutch.get_translation(dutch.locale.__class__.objects.get(language_code="en"))
        assert english.title == spec.en.title
        assert english.live and dutch.live
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_demo_runs_twice_without_duplicating(db):
    run_load_demo()
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    output = run_load_demo()
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
    assert "nothing changed" in output


def test_demo_keeps_what_an_editor_changed(db):
    run_load_demo()
    page = StandardPage.objects.get(slug="privacyverklaring")
    page.title = "Privacy en cookies"
    page.save_revision().publish()
    run_load_demo()
    assert StandardPage.objects.get(pk=page.pk).title == "Privacy en cookies"


def test_home_cards_lead_to_pages_in_the_same_language(demo_site, client):
    html_nl = client.get("/").content.decode()
    html_en = client.get("/en/").content.decode()
    assert 'href="/over-de-agenda/"' in html_nl
    assert 'href="/en/about-the-agenda/"' in html_en
    assert "/en/" not in html_nl.split("<main")[1].split("</main>")[0]


def test_demo_admin_exists_only_where_settings_allow_it(db, settings):
    settings.DEMO_ADMIN_PASSWORD = None
    output = run_load_demo()
    assert not get_user_model().objects.exists()
    assert "admin" not in output.lower()

    settings.DEMO_ADMIN_PASSWORD = "een-lang-demo-wachtwoord"
    output = run_load_demo()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("een-lang-demo-wachtwoord")
    assert "admin / een-lang-demo-wachtwoord" in output
