from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.home.factories import HomePageFactory, StandardPageFactory


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=cls.root)
        cls.user = cls.create_superuser("redacteur", password="wachtwoord-123")

    def setUp(self):
        self.client.force_login(self.user)

    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_editor_creates_a_standard_page_through_the_admin(self):
        form_data = nested_form_data(
            {
                "title": "Toegankelijkheid",
                "slug": "toegankelijkheid",
                "intro": "Iedereen moet deze website kunnen gebruiken.",
                "body": streamfield([("paragraph", rich_text("<p>Wij volgen de WCAG 2.2.</p>"))]),
            }
        )
        self.assertCanCreate(self.home, StandardPage, form_data)
        page = StandardPage.objects.get(slug="toegankelijkheid")
        self.assertEqual(page.get_parent().specific, self.home)

    def test_home_page_with_a_hero_without_link(self):
        hero = {"heading": "Welkom", "intro": "Een korte inleiding.", "link": {"text": "", "page": "", "url": ""}}
        form_data = nested_form_data({"title": "Home", "slug": "home-een", "body": streamfield([("hero", hero)])})
        self.assertCanCreate(self.root, HomePage, form_data)

    def test_home_page_accepts_only_one_hero(self):
        hero = {"heading": "Welkom", "intro": "Een korte inleiding.", "link": {"text": "", "page": "", "url": ""}}
        form_data = nested_form_data(
            {"title": "Home", "slug": "home-twee", "body": streamfield([("hero", hero), ("hero", hero)])}
        )
        response = self.client.post(f"/admin/pages/add/home/homepage/{self.root.pk}/", form_data)
        self.assertEqual(response.status_code, 200)  # the form comes back with an error
        self.assertFalse(HomePage.objects.filter(slug="home-twee").exists())


def test_each_page_type_renders_in_both_languages(demo_site, client):
    for url, language, heading in [
        ("/", "nl", "Samen verder na kanker"),
        ("/en/", "en", "Moving on together after cancer"),
        ("/over-dit-platform/", "nl", "Over dit platform"),
        ("/en/about/", "en", "About this platform"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert html.count("<h1") == 1, f"{url} must have exactly one h1"
        assert heading in html


def test_standard_page_shows_intro_and_body(site_home, client):
    page = StandardPageFactory(parent=site_home, title="Over ons", slug="over-ons", intro="Wie wij zijn.")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Wie wij zijn." in response.content.decode()
    assert "Bij ons bent u welkom zonder afspraak." in response.content.decode()


def test_home_without_hero_still_has_one_h1(site_home, client):
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Welkom</h1>" in html


def test_english_interface_text_on_english_pages(demo_site, client):
    html_en = client.get("/en/").content.decode()
    html_nl = client.get("/").content.decode()
    assert "Skip to main content" in html_en
    assert "Direct naar de inhoud" in html_nl
    with translation.override("en"):
        assert "Centres for living with and after cancer" in html_en
