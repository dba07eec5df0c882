"""The texts of the demo site, in Dutch with their English translations.

Kept apart from the loader (``home/demo.py``) so editors can review the wording in one place.
Plain language (B1): short sentences, everyday words, "u" for the reader.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoText:
    title: str
    slug: str
    search_description: str
    intro: str = ""
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoStandardPage:
    key: str
    nl: DemoText
    en: DemoText
    show_in_menus: bool = False
    show_in_footer: bool = False


@dataclass(frozen=True)
class DemoCard:
    target: str  # key of a DemoStandardPage, or "agenda" for the agenda page
    nl: tuple[str, str, str]  # title, text, link text
    en: tuple[str, str, str]


@dataclass(frozen=True)
class DemoHome:
    nl: DemoText
    en: DemoText
    hero_nl: tuple[str, str]  # heading, intro
    hero_en: tuple[str, str]
    cards_heading: dict[str, str] = field(default_factory=dict)
    cards: tuple[DemoCard, ...] = ()
    upcoming_heading: dict[str, str] = field(default_factory=dict)
    nearby_heading: dict[str, str] = field(default_factory=dict)
    upcoming_count: int = 3


@dataclass(frozen=True)
class DemoAgenda:
    nl: DemoText
    en: DemoText
    # Used instead of the slug when a page that is not the agenda already has it (an older demo, an editor).
    fallback_slugs: dict[str, str] = field(default_factory=dict)


HOME = DemoHome(
    nl=DemoText(
        title="Home",
        slug="home",
        search_description=(
            "Activiteiten van de centra voor leven met en na kanker bij u in de buurt, "
            "en kennis voor de mensen die deze centra draaien."
        ),
        paragraphs=(
            "<p>Er zijn in Nederland ongeveer 80 centra voor mensen die leven met of na kanker. "
            "U bent er welkom zonder verwijzing, met of zonder naaste. U kunt er praten met iemand "
            "die weet wat kanker met je doet, of meedoen aan een activiteit.</p>",
        ),
    ),
    en=DemoText(
        title="Home",
        slug="home-en",
        search_description=(
            "Activities at the centres for living with and after cancer near you, "
            "and knowledge for the people who run them."
        ),
        paragraphs=(
            "<p>There are about 80 centres in the Netherlands for people living with or after "
            "cancer. You are welcome without a referral, on your own or with someone close to you. "
            "You can talk with someone who knows what cancer does to you, or join an activity.</p>",
        ),
    ),
    hero_nl=(
        "Samen verder na kanker",
        "Wandelen, praten, bewegen of iets creatiefs doen, met mensen die begrijpen wat u meemaakt. "
        "Bij een centrum bij u in de buurt.",
    ),
    hero_en=(
        "Moving on together after cancer",
        "Walking, talking, exercising or making something, with people who understand what you are "
        "going through. At a centre near you.",
    ),
    cards_heading={"nl": "Wat u hier vindt", "en": "What you will find here"},
    upcoming_heading={"nl": "Binnenkort", "en": "Coming up"},
    nearby_heading={
        "nl": "Zoek een centrum of activiteit bij u in de buurt",
        "en": "Find a centre or activity near you",
    },
    cards=(
        DemoCard(
            target="agenda",
            nl=(
                "Agenda",
                "Activiteiten van alle centra op één plek. Zoek op onderwerp, datum of plaats.",
                "Bekijk de agenda",
            ),
            en=(
                "Agenda",
                "Activities of all centres in one place. Search by topic, date or place.",
                "See the agenda",
            ),
        ),
        DemoCard(
            target="toolbox",
            nl=(
                "Netwerktoolbox",
                "Kennis over het financieren en organiseren van netwerken in de oncologische zorg.",
                "Lees over de toolbox",
            ),
            en=(
                "Network toolbox",
                "Knowledge on financing and organising networks in cancer care.",
                "Read about the toolbox",
            ),
        ),
        DemoCard(
            target="elearning",
            nl=(
                "E-learning voor vrijwilligers",
                "Leer hoe u gasten helpt om de juiste activiteit te vinden.",
                "Lees over de e-learning",
            ),
            en=(
                "E-learning for volunteers",
                "Learn how to help guests find the right activity.",
                "Read about the e-learning",
            ),
        ),
    ),
)

# The postcode data (agenda_pages/data/nl_pc4.csv) is CC BY 4.0: the credits page names the source,
# links the licence and says that the data was changed.
GEONAMES_LINK = '<a href="https://www.geonames.org/">GeoNames</a>'
CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"

AGENDA = DemoAgenda(
    nl=DemoText(
        title="Agenda",
        slug="agenda",
        search_description="Activiteiten van alle centra voor leven met en na kanker. Zoek op onderwerp, datum of plaats.",
        intro=(
            "Hier vindt u de activiteiten van alle centra en van hun partners. Zoek op onderwerp, "
            "op datum of op een plaats bij u in de buurt."
        ),
    ),
    en=DemoText(
        title="Agenda",
        slug="agenda",
        search_description="Activities of all centres for living with and after cancer. Search by topic, date or place.",
        intro=(
            "Here you find the activities of all centres and their partners. Search by topic, by date "
            "or by a place near you."
        ),
    ),
    fallback_slugs={"nl": "activiteiten", "en": "activities"},
)

STANDARD_PAGES = (
    DemoStandardPage(
        key="about",
        show_in_menus=True,
        nl=DemoText(
            title="Over dit platform",
            slug="over-dit-platform",
            search_description="Wie achter deze website zitten en waarom er één agenda is voor alle centra.",
            intro="Deze website brengt de activiteiten van alle centra voor leven met en na kanker samen.",
            paragraphs=(
                "<p>Vroeger lagen er in elk centrum stapels folders. Nu vindt u alle activiteiten op één "
                "plek, altijd actueel.</p>",
                "<h2>Wie maken deze website?</h2><p>De centra maken de website samen met een landelijk "
                "platform voor informatie over kanker. Elk centrum houdt zijn eigen activiteiten bij. "
                "Medewerkers van het centrum controleren alles voordat het op deze website komt.</p>",
            ),
        ),
        en=DemoText(
            title="About this platform",
            slug="about",
            search_description="Who is behind this website and why there is one agenda for all centres.",
            intro="This website brings together the activities of all centres for living with and after cancer.",
            paragraphs=(
                "<p>Centres used to have piles of flyers. Now you find all activities in one place, "
                "always up to date.</p>",
                "<h2>Who makes this website?</h2><p>The centres make this website together with a national "
                "platform for information about cancer. Each centre keeps its own activities up to date. "
                "Staff of the centre check everything before it appears on this website.</p>",
            ),
        ),
    ),
    DemoStandardPage(
        key="toolbox",
        show_in_menus=False,
        nl=DemoText(
            title="Over de netwerktoolbox",
            slug="over-de-netwerktoolbox",
            search_description="Kennis en voorbeelden voor wie een netwerk in de oncologische zorg opzet of financiert.",
            intro="De toolbox is er voor bestuurders, coördinatoren en zorgverleners die samenwerken in een netwerk.",
            paragraphs=(
                "<p>U vindt er onderwerpen zoals financiering, samenwerking met ziekenhuizen en "
                "vrijwilligersbeleid. Bij elk onderwerp staan tips, goede voorbeelden en documenten.</p>",
                "<p>We kijken elk onderwerp regelmatig na, zodat de kennis actueel blijft.</p>",
                '<p><a href="/toolbox/">Naar de toolbox</a></p>',
            ),
        ),
        en=DemoText(
            title="About the network toolbox",
            slug="about-the-toolbox",
            search_description="Knowledge and examples for those who set up or fund a network in cancer care.",
            intro="The toolbox is for managers, coordinators and care providers who work together in a network.",
            paragraphs=(
                "<p>It covers topics such as funding, working with hospitals and volunteer policy. Each "
                "topic has tips, good practices and documents.</p>",
                "<p>We review every topic regularly so that the knowledge stays up to date.</p>",
                '<p><a href="/en/toolbox/">To the toolbox</a></p>',
            ),
        ),
    ),
    DemoStandardPage(
        key="elearning",
        # The menu leads to the e-learning and the toolbox themselves; their about pages are behind the home cards.
        show_in_menus=False,
        nl=DemoText(
            title="Over de e-learning",
            slug="over-de-e-learning",
            search_description="Een korte training voor vrijwilligers van de centra: gasten helpen met de agenda.",
            intro="Vrijwilligers van de centra leren in korte lessen hoe zij gasten op weg helpen.",
            paragraphs=(
                "<p>Elke les heeft een korte video met ondertiteling en een uitgeschreven tekst. Aan het "
                "eind kunt u uzelf testen met een paar vragen.</p>",
                '<p><a href="/e-learning/">Begin met de e-learning</a> of bekijk de '
                '<a href="/instructievideos/">instructievideo\'s</a>. U heeft geen account nodig.</p>',
            ),
        ),
        en=DemoText(
            title="About the e-learning",
            slug="about-the-e-learning",
            search_description="A short course for volunteers of the centres: helping guests use the agenda.",
            intro="Volunteers of the centres learn in short lessons how to help guests on their way.",
            paragraphs=(
                "<p>Each lesson has a short video with captions and a written transcript. At the end you "
                "can test yourself with a few questions.</p>",
                '<p><a href="/en/e-learning/">Start the e-learning</a> or watch the '
                '<a href="/en/instruction-videos/">instruction videos</a>. You do not need an account.</p>',
            ),
        ),
    ),
    DemoStandardPage(
        key="privacy",
        show_in_footer=True,
        nl=DemoText(
            title="Privacyverklaring",
            slug="privacyverklaring",
            search_description="Welke gegevens deze website bewaart en waarom.",
            intro="Wij gaan zorgvuldig om met uw gegevens. Hier leest u welke gegevens wij bewaren.",
            paragraphs=(
                "<h2>Wat wij bewaren</h2><p>Wij tellen hoe deze website gebruikt wordt: welke woorden mensen "
                "zoeken en hoeveel zij vinden, welke zoekresultaten zij openen, hoe vaak een pagina bekeken wordt "
                "en hoe vaak een document gedownload wordt. Wij bewaren alleen aantallen per dag. Wij bewaren geen "
                "IP-adres en plaatsen hiervoor geen cookie. Staat er in wat u zoekt een e-mailadres, "
                "telefoonnummer, adres of ander lang nummer, dan halen wij dat eruit voordat wij iets bewaren. "
                "Daarmee maken wij de website beter. Wij weten niet wie er zocht.</p>"
                "<p>Onder sommige pagina's vragen wij \u2018Was dit nuttig?\u2019. Uw antwoord en uw uitleg "
                "bewaren wij 12 maanden. Daarna bewaren wij alleen hoe vaak er per dag ja en nee gezegd is. Schrijf "
                "in uw uitleg geen naam of andere gegevens over uzelf.</p>",
                "<h2>Geen cookies om u te volgen</h2><p>Deze website plaatst geen cookies van anderen en "
                "laat geen kaarten of video's van andere bedrijven zien zonder dat u daarvoor kiest.</p>",
                "<h2>E-mail over de agenda</h2><p>Vraagt u om e-mail over nieuwe activiteiten (\u2018Houd mij op "
                "de hoogte\u2019) of over wijzigingen in een activiteit, dan bewaren wij alleen: uw e-mailadres, "
                "uw keuze in de agenda of de activiteit die u volgt, hoe vaak u e-mail wilt, de taal, en de data "
                "die wij nodig hebben om te mailen (wanneer u het vroeg en bevestigde, en wanneer wij het laatst "
                "mailden). Wij gebruiken dit alleen om u deze e-mail te sturen.</p>"
                "<p>Eerst krijgt u een e-mail om te bevestigen. Klikt u niet binnen 7 dagen op de link, dan "
                "verwijderen wij alles. In elke e-mail staat een link om te stoppen: dan verwijderen wij uw "
                "gegevens meteen. Met de link \u2018Wijzig uw keuzes\u2019 kunt u ook alles zelf verwijderen. "
                "Wij geven uw e-mailadres aan niemand.</p>",
                "<h2>De e-learning</h2><p>Voor de e-learning heeft u geen account nodig. Doet u iets in een les "
                "(een vraag beantwoorden, een les afronden), dan krijgt uw browser een cookie met een willekeurig "
                "nummer. Daarmee onthouden wij welke lessen u deed en welke antwoorden u gaf. Wij weten niet wie u "
                "bent. Gebruikt u \u2018Bewaar mijn voortgang\u2019, dan bewaren wij ook uw e-mailadres, alleen om "
                "u een link te sturen waarmee u op een ander apparaat verder kunt.</p>"
                "<p>Heeft u 12 maanden niets gedaan in de e-learning, dan verwijderen wij uw voortgang en uw "
                "e-mailadres. Een certificaat bewaren wij met de naam die u er zelf op zette, zodat iemand het "
                "kan controleren met de code. In onze overzichten tellen wij alleen aantallen, nooit personen.</p>",
            ),
        ),
        en=DemoText(
            title="Privacy statement",
            slug="privacy-statement",
            search_description="Which data this website keeps and why.",
            intro="We handle your data with care. Here you can read which data we keep.",
            paragraphs=(
                "<h2>What we keep</h2><p>We count how this website is used: the words people search for and "
                "how much they find, which search results they open, how often a page is viewed and how often a "
                "document is downloaded. We keep only numbers per day. We keep no IP address and set no cookie "
                "for this. If what you search for contains an e-mail address, phone number, address or other long "
                "number, we take it out before we keep anything. We use this to improve the website. We do not "
                "know who searched.</p>"
                "<p>Below some pages we ask \u2018Was this useful?\u2019. We keep your answer and your "
                "explanation for 12 months. After that we keep only how often people said yes and no each day. "
                "Do not write your name or other details about yourself in your explanation.</p>",
                "<h2>No tracking cookies</h2><p>This website sets no third-party cookies and shows no maps "
                "or videos from other companies unless you choose to see them.</p>",
                "<h2>E-mail about the agenda</h2><p>If you ask for e-mail about new activities (\u2018Keep me "
                "informed\u2019) or about changes to an activity, we keep only: your e-mail address, your choice "
                "in the agenda or the activity you follow, how often you want e-mail, the language, and the dates "
                "we need to send it (when you asked and confirmed, and when we last sent one). We use this only "
                "to send you this e-mail.</p>"
                "<p>First you get an e-mail to confirm. If you do not click its link within 7 days, we delete "
                "everything. Every e-mail has a link to stop: we then delete your data at once. With the link "
                "\u2018Change your settings\u2019 you can also delete everything yourself. We give your e-mail "
                "address to no one.</p>",
                "<h2>The e-learning</h2><p>You need no account for the e-learning. When you do something in a "
                "lesson (answer a question, finish a lesson), your browser gets a cookie with a random number. "
                "With it we remember which lessons you did and which answers you gave. We do not know who you "
                "are. If you use \u2018Save my progress\u2019, we also keep your e-mail address, only to send you "
                "a link to continue on another device.</p>"
                "<p>If you have done nothing in the e-learning for 12 months, we delete your progress and your "
                "e-mail address. We keep a certificate with the name you put on it yourself, so that anyone can "
                "check it with its code. Our reports count numbers only, never people.</p>",
            ),
        ),
    ),
    DemoStandardPage(
        key="accessibility",
        show_in_footer=True,
        nl=DemoText(
            title="Toegankelijkheidsverklaring",
            slug="toegankelijkheidsverklaring",
            search_description="Hoe wij deze website voor iedereen bruikbaar maken, en wat u kunt doen als iets niet werkt.",
            intro="Iedereen moet deze website kunnen gebruiken, ook met een beperking of op een kleine telefoon.",
            paragraphs=(
                "<p>Wij bouwen de website volgens de WCAG 2.2 op niveau AA. U kunt de website met alleen een "
                "toetsenbord gebruiken, de tekst tot 200% vergroten en een schermlezer gebruiken.</p>",
                "<h2>Werkt iets niet?</h2><p>Laat het ons weten via het centrum bij u in de buurt. Wij "
                "proberen het binnen vijf werkdagen op te lossen.</p>",
            ),
        ),
        en=DemoText(
            title="Accessibility statement",
            slug="accessibility-statement",
            search_description="How we make this website usable for everyone, and what to do if something does not work.",
            intro="Everyone should be able to use this website, also with a disability or on a small phone.",
            paragraphs=(
                "<p>We build this website to WCAG 2.2 level AA. You can use it with a keyboard only, enlarge "
                "the text to 200% and use a screen reader.</p>",
                "<h2>Something does not work?</h2><p>Let us know through the centre near you. We aim to fix "
                "it within five working days.</p>",
            ),
        ),
    ),
    DemoStandardPage(
        key="credits",
        show_in_footer=True,
        nl=DemoText(
            title="Bronvermelding",
            slug="bronvermelding",
            search_description="Waar de gegevens op deze website vandaan komen, zoals de postcodes voor activiteiten in de buurt.",
            intro="Op deze website gebruiken wij ook gegevens van anderen. Hier leest u waar die vandaan komen.",
            paragraphs=(
                "<h2>Postcodes en plaatsen</h2><p>In de agenda kunt u zoeken op postcode of plaats. Daarvoor "
                "gebruiken wij gegevens over de ligging van postcodes. Deze gegevens komen van GeoNames: "
                f"© {GEONAMES_LINK}. U mag ze gebruiken onder de licentie "
                f'<a href="{CC_BY_URL}">Creative Commons Naamsvermelding 4.0 (CC BY 4.0)</a>.</p>',
                "<p>Wij hebben de gegevens aangepast. Wij bewaren één regel per postcode van 4 cijfers. En wij "
                "bewaren alleen de kolommen die wij nodig hebben: postcode, plaats, gemeente, provincie en "
                "ligging. GeoNames geeft de gegevens zoals ze zijn, zonder garantie.</p>",
                "<h2>Tekeningen van de centra</h2><p>De tekeningen op de pagina's van de voorbeeldcentra "
                "hebben wij zelf gemaakt voor deze website. Het zijn geen foto's van echte mensen of "
                "gebouwen.</p>",
            ),
        ),
        en=DemoText(
            title="Credits",
            slug="credits",
            search_description="Where the data on this website comes from, such as the postcodes for activities nearby.",
            intro="This website also uses data made by others. Here you can read where it comes from.",
            paragraphs=(
                "<h2>Postcodes and places</h2><p>In the agenda you can search by postcode or place. For this "
                "we use the locations of postcodes. This data comes from GeoNames: "
                f"© {GEONAMES_LINK}, licensed under "
                f'<a href="{CC_BY_URL}">Creative Commons Attribution 4.0 (CC BY 4.0)</a>.</p>',
                "<p>We have modified the data. We keep one entry per 4-digit postcode, and only the columns "
                "we need: postcode, place, municipality, province and location. GeoNames provides the data "
                "as is, without warranty.</p>",
                "<h2>Drawings of the centres</h2><p>We made the drawings on the pages of the example "
                "centres ourselves, for this website. They are not photos of real people or buildings.</p>",
            ),
        ),
    ),
)
