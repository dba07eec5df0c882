"""The toolbox's demo vocabulary, overview and topics, in Dutch and English. Pure data."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    slug: str
    nl: str
    en: str


@dataclass(frozen=True)
class PageText:
    title: str
    slug: str
    intro: str


@dataclass(frozen=True)
class DemoTopic:
    term: Term
    nl: PageText
    en: PageText


AUDIENCES = (
    Term("bestuurder", "Bestuurder", "Board member"),
    Term("programmamanager", "Programmamanager", "Programme manager"),
    Term("coordinator", "Coördinator", "Coordinator"),
    Term("zorgverlener", "Zorgverlener", "Clinician"),
)

INDEX = {
    "nl": PageText(
        "Toolbox oncologienetwerken",
        "toolbox",
        "Kennis voor iedereen die een regionaal oncologienetwerk opbouwt: bestuurders, programmamanagers, "
        "coördinatoren en zorgverleners. U vindt hier goede voorbeelden, tips en sjablonen. Bijvoorbeeld over "
        "de financiering van het MDO en van expertpanels, over regels en privacy, en over samenwerken.",
    ),
    "en": PageText(
        "Toolbox for oncology networks",
        "toolbox",
        "Knowledge for everyone who builds a regional oncology network: board members, programme managers, "
        "coordinators and clinicians. You will find good practices, tips and templates here. For example on "
        "financing the multidisciplinary team meeting and expert panels, on rules and privacy, and on "
        "working together.",
    ),
}

TOPICS = (
    DemoTopic(
        Term("financiering", "Financieringsvormen", "Financing forms"),
        PageText(
            "Financieringsvormen",
            "financieringsvormen",
            "Hoe betaalt u de samenwerking in een netwerk? Hier leest u welke vormen er zijn, wat andere "
            "netwerken kozen en waar zij tegenaan liepen.",
        ),
        PageText(
            "Financing forms",
            "financing-forms",
            "How do you pay for the work a network does together? Read which forms exist, what other networks "
            "chose and which obstacles they met.",
        ),
    ),
    DemoTopic(
        Term("mdo-expertpanels", "MDO en expertpanels", "Team meetings and expert panels"),
        PageText(
            "MDO en expertpanels",
            "mdo-en-expertpanels",
            "Het multidisciplinair overleg (MDO) en regionale expertpanels zijn het hart van een netwerk. Hier "
            "vindt u tips om ze goed te organiseren en te bekostigen.",
        ),
        PageText(
            "Team meetings and expert panels",
            "team-meetings-and-expert-panels",
            "The multidisciplinary team meeting and regional expert panels are the heart of a network. Find tips "
            "to organise them well and to pay for them.",
        ),
    ),
    DemoTopic(
        Term("regelgeving", "Regelgeving", "Regulation"),
        PageText(
            "Regelgeving",
            "regelgeving",
            "Welke regels gelden als ziekenhuizen samen zorg leveren? Uitleg in gewone taal, met verwijzingen "
            "naar de bron.",
        ),
        PageText(
            "Regulation",
            "regulation",
            "Which rules apply when hospitals provide care together? An explanation in plain language, with "
            "references to the source.",
        ),
    ),
    DemoTopic(
        Term("privacy", "Privacy en gegevensuitwisseling", "Privacy and data exchange"),
        PageText(
            "Privacy en gegevensuitwisseling",
            "privacy-en-gegevensuitwisseling",
            "Patiëntgegevens delen tussen ziekenhuizen kan, als u het goed regelt. Hier staan voorbeelden, "
            "sjablonen en de afspraken die u nodig heeft.",
        ),
        PageText(
            "Privacy and data exchange",
            "privacy-and-data-exchange",
            "Sharing patient data between hospitals is possible when you arrange it well. Here are examples, "
            "templates and the agreements you need.",
        ),
    ),
    DemoTopic(
        Term("governance", "Governance en samenwerking", "Governance and collaboration"),
        PageText(
            "Governance en samenwerking",
            "governance-en-samenwerking",
            "Wie beslist wat in een netwerk? Over stuurgroepen, convenanten en de rol van de coördinator.",
        ),
        PageText(
            "Governance and collaboration",
            "governance-and-collaboration",
            "Who decides what in a network? On steering groups, covenants and the role of the coordinator.",
        ),
    ),
)

# Small files the tool items offer for download: (title, file name, content).
DOCUMENTS = {
    "begroting": (
        "Sjabloon begroting netwerk",
        "sjabloon-begroting-netwerk.csv",
        "Post;Bedrag per jaar (euro);Toelichting\n"
        "Coördinator (0,8 fte);;Salaris inclusief werkgeverslasten\n"
        "Secretariële ondersteuning MDO;;\n"
        "Videoverbinding en licenties;;\n"
        "Scholing en bijeenkomsten;;\n"
        "Onvoorzien;;Ongeveer 5 procent\n",
    ),
    "mdo-checklist": (
        "Checklist regionaal MDO",
        "checklist-regionaal-mdo.txt",
        "Checklist regionaal MDO\n\n"
        "[ ] Vaste dag en tijd afgesproken\n"
        "[ ] Aanmeldtermijn voor patiënten bekend bij alle ziekenhuizen\n"
        "[ ] Voorzitter en notulist per overleg aangewezen\n"
        "[ ] Verslag in het dossier binnen twee werkdagen\n"
        "[ ] Afspraken over wie de patiënt het advies vertelt\n"
        "[ ] Jaarlijkse evaluatie met alle deelnemers\n",
    ),
    "verwerkersovereenkomst": (
        "Model afsprakenlijst gegevensuitwisseling",
        "afsprakenlijst-gegevensuitwisseling.txt",
        "Afsprakenlijst gegevensuitwisseling in het netwerk\n\n"
        "1. Welke gegevens delen we, en waarom?\n"
        "2. Wie mag ze inzien (rollen, geen namen)?\n"
        "3. Hoe vragen we toestemming aan de patiënt?\n"
        "4. Hoe lang bewaren we de gegevens?\n"
        "5. Wat doen we bij een datalek?\n"
        "6. Wie is het aanspreekpunt per ziekenhuis?\n",
    ),
}
