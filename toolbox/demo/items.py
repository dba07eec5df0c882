"""The toolbox's demo items, in plain Dutch, by topic. Pure data.

Each kind has its constructor, so an item states only what is its own. Good practices are invented
for the demo: ``good_practice`` marks them ``is_example`` (their pages say "Voorbeeld") and takes
the facts of the case as a ``Practice``. ``checked_months_ago`` places the last review relative to
the day the demo is loaded, so some items are always overdue.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """The facts of a good practice, as the item page lists them."""

    network: str
    situation: str
    approach: str
    result: str
    lessons: str
    contact: str


@dataclass(frozen=True)
class DemoItem:
    slug: str
    title: str
    kind: str
    intro: str
    paragraphs: tuple[str, ...]
    audiences: tuple[str, ...]
    region: str = "landelijk"
    tags: tuple[str, ...] = ()
    is_example: bool = False
    checked_months_ago: int = 2
    practice: Practice | None = None
    documents: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


def tip(slug, title, intro, paragraphs, audiences, **details) -> DemoItem:
    return DemoItem(slug, title, "tip", intro, paragraphs, audiences, **details)


def background(slug, title, intro, paragraphs, audiences, **details) -> DemoItem:
    return DemoItem(slug, title, "background", intro, paragraphs, audiences, **details)


def tool(slug, title, intro, paragraphs, audiences, **details) -> DemoItem:
    return DemoItem(slug, title, "tool", intro, paragraphs, audiences, **details)


def good_practice(slug, title, intro, why, audiences, *, practice: Practice, **details) -> DemoItem:
    """An invented case: one paragraph on why the network acted, then its facts."""
    return DemoItem(
        slug, title, "good_practice", intro, (why,), audiences, is_example=True, practice=practice, **details
    )


ITEMS_BY_TOPIC = {
    "financiering": (
        background(
            "overzicht-financieringsvormen",
            "Welke financieringsvormen zijn er?",
            "Een netwerk kan op verschillende manieren geld krijgen. Dit overzicht zet de vier meest gebruikte "
            "vormen naast elkaar.",
            (
                "Veel netwerken betalen de samenwerking eerst uit de eigen begroting van de ziekenhuizen. Dat is "
                "snel geregeld, maar het hangt af van de goede wil van elk ziekenhuis.",
                "Andere vormen zijn: een afspraak met de zorgverzekeraar, een subsidie voor een project, en een "
                "verdeelsleutel waarbij elk ziekenhuis naar rato bijdraagt. Per vorm leest u in de andere "
                "onderdelen van dit thema wat u moet regelen.",
            ),
            ("bestuurder", "programmamanager"),
            tags=("financiering", "overzicht"),
            checked_months_ago=4,
            related=("verdeelsleutel-ziekenhuizen", "afspraak-zorgverzekeraar"),
        ),
        good_practice(
            "verdeelsleutel-ziekenhuizen",
            "Kosten verdelen met een verdeelsleutel",
            "Zes ziekenhuizen in het oosten verdelen de kosten van het netwerk naar het aantal nieuwe patiënten "
            "per jaar.",
            "Het netwerk wilde af van jaarlijkse discussies over wie wat betaalt.",
            ("bestuurder", "programmamanager"),
            region="gelderland",
            tags=("verdeelsleutel", "begroting"),
            checked_months_ago=16,
            documents=("begroting",),
            practice=Practice(
                network="Oncologienetwerk Oost (voorbeeld)",
                situation="Elk jaar opnieuw onderhandelen over de bijdrage kostte veel tijd en vertrouwen.",
                approach="De stuurgroep koos één verdeelsleutel: de bijdrage volgt het aantal nieuwe patiënten "
                "met kanker per ziekenhuis, gemeten over de laatste twee jaar.",
                result="De begroting wordt nu in één vergadering vastgesteld. Kleine ziekenhuizen betalen minder.",
                lessons="Leg de sleutel vast in het convenant. Spreek af hoe vaak u de cijfers bijwerkt.",
                contact="De coördinator van het netwerk, via netwerk-oost@example.org",
            ),
        ),
        tip(
            "afspraak-zorgverzekeraar",
            "Tips voor een gesprek met de zorgverzekeraar",
            "Wilt u de samenwerking laten betalen door de zorgverzekeraar? Bereid het gesprek dan goed voor.",
            (
                "Begin bij de grootste zorgverzekeraar in uw regio. Laat zien wat het netwerk oplevert voor de "
                "patiënt: kortere wachttijden, minder dubbel onderzoek, zorg dichter bij huis.",
                "Neem cijfers mee die u zelf kunt onderbouwen. Vraag niet alleen om geld, maar ook om een "
                "afspraak over hoe u samen de resultaten meet.",
            ),
            ("bestuurder", "programmamanager"),
            tags=("zorgverzekeraar", "onderhandelen"),
            checked_months_ago=1,
        ),
        good_practice(
            "projectsubsidie-startfase",
            "Een projectsubsidie voor de startfase",
            "Een netwerk in het zuiden betaalde de eerste twee jaar met een subsidie en zocht daarna een vaste vorm.",
            "Een subsidie helpt om te beginnen, maar stopt na een vaste tijd.",
            ("programmamanager",),
            region="limburg",
            tags=("subsidie", "startfase"),
            checked_months_ago=7,
            related=("overzicht-financieringsvormen",),
            practice=Practice(
                network="Netwerk Zuid (voorbeeld)",
                situation="Er was geen geld voor een coördinator, terwijl de ziekenhuizen wel wilden samenwerken.",
                approach="Met een projectsubsidie van twee jaar werd een coördinator aangenomen. In het tweede "
                "jaar maakte de stuurgroep een plan voor vaste financiering.",
                result="Na de subsidie betalen de ziekenhuizen samen de coördinator door.",
                lessons="Begin op dag één met het plan voor daarna. Houd bij wat het netwerk oplevert.",
                contact="Programmabureau Netwerk Zuid, via zuid@example.org",
            ),
        ),
        tool(
            "begroting-opstellen",
            "Sjabloon: de begroting van een netwerk",
            "Een eenvoudig sjabloon om de jaarlijkse kosten van uw netwerk op een rij te zetten.",
            ("Vul per post het bedrag in. Bespreek de begroting elk jaar in de stuurgroep.",),
            ("programmamanager", "coordinator"),
            tags=("begroting", "sjabloon"),
            checked_months_ago=3,
            documents=("begroting",),
        ),
    ),
    "mdo-expertpanels": (
        tip(
            "regionaal-mdo-organiseren",
            "Een regionaal MDO organiseren",
            "Zo houdt u een regionaal multidisciplinair overleg (MDO) overzichtelijk en op tijd.",
            (
                "Spreek een vaste dag en tijd af. Laat ziekenhuizen patiënten uiterlijk twee werkdagen van "
                "tevoren aanmelden. Zo kan iedereen zich voorbereiden.",
                "Wijs per overleg een voorzitter aan. Die bewaakt de tijd en vat het advies samen.",
            ),
            ("coordinator", "zorgverlener"),
            tags=("MDO", "organisatie"),
            documents=("mdo-checklist",),
            related=("mdo-bekostigen",),
        ),
        background(
            "mdo-bekostigen",
            "Het MDO bekostigen",
            "Wie betaalt de tijd van specialisten in een regionaal MDO? Een uitleg van de mogelijkheden.",
            (
                "De tijd van specialisten in een MDO is vaak onderdeel van de gewone zorg. Bij een regionaal MDO "
                "werken specialisten ook voor patiënten van een ander ziekenhuis. Daarom maken netwerken daar "
                "aparte afspraken over.",
                "In dit voorbeeld vergoedt het verwijzende ziekenhuis een vast bedrag per besproken patiënt aan "
                "het ziekenhuis dat het overleg organiseert.",
            ),
            ("bestuurder", "programmamanager"),
            is_example=True,
            tags=("MDO", "financiering"),
            checked_months_ago=18,
        ),
        good_practice(
            "expertpanel-zeldzame-tumoren",
            "Een expertpanel voor zeldzame tumoren",
            "Drie netwerken delen één landelijk expertpanel voor zeldzame tumoren, via een videoverbinding.",
            "Voor zeldzame tumoren heeft geen enkel ziekenhuis genoeg ervaring alleen.",
            ("zorgverlener", "coordinator"),
            tags=("expertpanel", "zeldzame tumoren", "video"),
            checked_months_ago=5,
            practice=Practice(
                network="Samenwerking van drie netwerken (voorbeeld)",
                situation="Patiënten met een zeldzame tumor werden in elk netwerk apart besproken, met weinig "
                "ervaring aan tafel.",
                approach="Eén panel komt elke twee weken samen via video. Elk netwerk levert een specialist.",
                result="Meer patiënten krijgen een advies van artsen die de tumor vaker zien.",
                lessons="Regel de techniek vooraf goed. Spreek af wie het advies aan de patiënt vertelt.",
                contact="Secretariaat expertpanel, via expertpanel@example.org",
            ),
        ),
        tool(
            "mdo-checklist",
            "Checklist voor een regionaal MDO",
            "Een korte checklist om te zien of uw regionale MDO goed geregeld is.",
            ("Loop de lijst één keer per jaar door met alle deelnemers.",),
            ("coordinator",),
            tags=("MDO", "checklist"),
            checked_months_ago=14,
            documents=("mdo-checklist",),
        ),
    ),
    "regelgeving": (
        background(
            "regels-samenwerking-ziekenhuizen",
            "Welke regels gelden bij samenwerking?",
            "Als ziekenhuizen samen zorg leveren, blijft elk ziekenhuis verantwoordelijk voor de eigen zorg. Dit "
            "stuk legt uit wat dat betekent.",
            (
                "Elke zorgaanbieder moet goede zorg leveren en dat kunnen laten zien. In een netwerk maakt u "
                "daarom schriftelijke afspraken over wie waarvoor verantwoordelijk is.",
                "Leg vast wie de hoofdbehandelaar is, hoe u informatie overdraagt en wat u doet als er iets misgaat.",
            ),
            ("bestuurder", "programmamanager"),
            tags=("verantwoordelijkheid", "wetgeving"),
            checked_months_ago=12,  # due for its check on the day the demo is loaded
        ),
        tip(
            "mededinging-afspraken",
            "Samenwerken en de regels voor mededinging",
            "Afspraken tussen ziekenhuizen over wie welke zorg levert, kunnen onder de mededingingsregels vallen.",
            (
                "Afspraken over kwaliteit en over het samen bespreken van patiënten zijn meestal geen probleem. "
                "Let op bij afspraken over prijzen of over het verdelen van patiënten.",
                "Twijfelt u? Vraag dan vroeg advies aan een jurist.",
            ),
            ("bestuurder",),
            tags=("mededinging", "juridisch"),
            checked_months_ago=3,
        ),
        good_practice(
            "volumenormen-regio",
            "Volumenormen halen als regio",
            "Twee ziekenhuizen bundelden een operatie op één plek om samen aan de volumenorm te voldoen.",
            "Een kleiner ziekenhuis kon de norm alleen niet halen.",
            ("bestuurder", "zorgverlener"),
            region="noord-brabant",
            tags=("volumenormen", "concentratie"),
            checked_months_ago=20,
            practice=Practice(
                network="Netwerk West-Brabant (voorbeeld)",
                situation="Een van de twee ziekenhuizen haalde het minimum aantal operaties per jaar niet.",
                approach="De operaties gebeuren nu op één locatie. Onderzoek en nazorg blijven dicht bij huis.",
                result="Beide ziekenhuizen houden de patiënten in de regio.",
                lessons="Betrek de patiëntenvereniging vanaf het begin. Leg uit wat er voor patiënten verandert.",
                contact="Medisch manager oncologie, via west-brabant@example.org",
            ),
        ),
    ),
    "privacy": (
        background(
            "toestemming-patient",
            "Toestemming van de patiënt voor gegevens delen",
            "Wanneer heeft u toestemming nodig om gegevens te delen met een ander ziekenhuis? Een uitleg in "
            "gewone taal.",
            (
                "Voor het bespreken van een patiënt in een regionaal overleg deelt u medische gegevens. Vertel de"
                " patiënt vooraf wat u deelt, met wie en waarom.",
                "Leg vast dat u dit heeft verteld. Geeft de patiënt geen toestemming, bespreek dan wat dat "
                "betekent voor het advies.",
            ),
            ("zorgverlener", "coordinator"),
            tags=("toestemming", "AVG"),
            checked_months_ago=6,
        ),
        tool(
            "afsprakenlijst-gegevensuitwisseling",
            "Afsprakenlijst voor gegevensuitwisseling",
            "Met deze lijst maakt u in zes vragen afspraken over het delen van gegevens in uw netwerk.",
            ("Bespreek de lijst met de privacyfunctionaris van elk ziekenhuis.",),
            ("programmamanager", "coordinator"),
            tags=("AVG", "sjabloon"),
            documents=("verwerkersovereenkomst",),
            related=("toestemming-patient",),
        ),
        good_practice(
            "beelden-delen-via-platform",
            "Beelden delen via een regionaal platform",
            "Ziekenhuizen in het noorden delen scans voor het MDO via één beveiligd platform, in plaats van via "
            "cd's en mail.",
            "Scans kwamen vaak te laat of niet aan.",
            ("coordinator", "zorgverlener"),
            region="groningen",
            tags=("beelden", "platform", "ICT"),
            checked_months_ago=9,
            practice=Practice(
                network="Netwerk Noord (voorbeeld)",
                situation="Voor het regionale MDO werden scans op cd verstuurd. Dat kostte dagen.",
                approach="De ziekenhuizen sloten samen aan op één platform. Alleen de deelnemers van het overleg "
                "kunnen de beelden inzien.",
                result="Scans zijn op tijd binnen. Er worden geen cd's meer verstuurd.",
                lessons="Regel de afspraken over privacy voordat u de techniek kiest.",
                contact="ICT-coördinator Netwerk Noord, via noord@example.org",
            ),
        ),
        tip(
            "datalek-in-netwerk",
            "Wat doet u bij een datalek in het netwerk?",
            "Spreek vooraf af wie wat doet als er gegevens op de verkeerde plek terechtkomen.",
            (
                "Het ziekenhuis waar het lek ontstaat, meldt het. Spreek af hoe u de andere ziekenhuizen snel op "
                "de hoogte brengt.",
                "Zet de namen van de contactpersonen niet in de afspraken, maar hun rol. Dan blijven de afspraken"
                " kloppen als iemand vertrekt.",
            ),
            ("coordinator",),
            tags=("datalek", "AVG"),
            checked_months_ago=15,
        ),
    ),
    "governance": (
        tip(
            "stuurgroep-inrichten",
            "Een stuurgroep inrichten",
            "Een stuurgroep neemt de besluiten in het netwerk. Zo zorgt u dat zij goed werkt.",
            (
                "Zorg dat elk ziekenhuis een bestuurder en een medisch specialist in de stuurgroep heeft. Kies "
                "een onafhankelijke voorzitter als de ziekenhuizen erg verschillen in grootte.",
                "Leg in een reglement vast hoe de stuurgroep besluit: met meerderheid of met unanimiteit.",
            ),
            ("bestuurder", "programmamanager"),
            tags=("stuurgroep", "besluitvorming"),
            checked_months_ago=1,
        ),
        background(
            "convenant-netwerk",
            "Wat staat er in een convenant?",
            "Een convenant legt de samenwerking vast. Dit zijn de onderwerpen die bijna elk netwerk opneemt.",
            (
                "Een convenant beschrijft het doel van het netwerk, wie meedoet, hoe besluiten worden genomen en "
                "hoe de kosten worden verdeeld.",
                "Neem ook op hoe een ziekenhuis kan stoppen met het netwerk en hoe u geschillen oplost.",
            ),
            ("bestuurder",),
            tags=("convenant", "afspraken"),
            checked_months_ago=8,
            related=("stuurgroep-inrichten", "verdeelsleutel-ziekenhuizen"),
        ),
        good_practice(
            "rol-netwerkcoordinator",
            "De rol van de netwerkcoördinator",
            "Een netwerk in het westen gaf de coördinator een vaste plek tussen de ziekenhuizen in.",
            "De coördinator werkte eerst voor één ziekenhuis en werd niet door iedereen als neutraal gezien.",
            ("programmamanager", "coordinator"),
            region="zuid-holland",
            tags=("coördinator", "rolverdeling"),
            checked_months_ago=4,
            practice=Practice(
                network="Netwerk Zuidwest (voorbeeld)",
                situation="De coördinator was in dienst van het grootste ziekenhuis.",
                approach="De coördinator rapporteert nu aan de stuurgroep en niet aan één ziekenhuis.",
                result="Kleinere ziekenhuizen brengen sneller hun vragen in.",
                lessons="Beschrijf de taken van de coördinator op papier. Evalueer elk jaar.",
                contact="Voorzitter stuurgroep, via zuidwest@example.org",
            ),
        ),
        tip(
            "samenwerking-evalueren",
            "De samenwerking jaarlijks evalueren",
            "Eén keer per jaar terugkijken helpt om problemen op tijd te zien.",
            (
                "Vraag alle deelnemers wat goed gaat en wat beter kan. Gebruik daarvoor een korte vragenlijst en "
                "bespreek de uitkomsten in de stuurgroep.",
                "Spreek per verbeterpunt af wie het oppakt en wanneer u erop terugkomt.",
            ),
            ("programmamanager", "coordinator"),
            tags=("evaluatie", "kwaliteit"),
            checked_months_ago=13,
        ),
    ),
}


ITEMS = tuple(item for items in ITEMS_BY_TOPIC.values() for item in items)
