"""The stand-alone instruction videos and the handout for guests.

The instruction videos use the agenda's own words for its buttons and fields ('Postcode of plaats',
'Abonneer in uw agenda-app'), so what a volunteer hears is what they see on the screen.
"""

from .types import Handout, Text, Video

FIND_AN_ACTIVITY = Video(
    slug="find-an-activity",
    title=Text(nl="Zo zoekt u een activiteit in de agenda", en="How to find an activity in the agenda"),
    topic=Text(nl="Zoeken met woord, plaats en afstand", en="Searching by word, place and distance"),
    sentences=(
        Text(nl="Open de agenda van de centra.", en="Open the agenda of the centres."),
        Text(
            nl="Typ bij 'Woord of naam' wat u zoekt, bijvoorbeeld yoga.",
            en="Under 'Word or name', type what you are looking for, for example yoga.",
        ),
        Text(nl="Vul bij 'Postcode of plaats' de postcode in.", en="Under 'Postcode or place', fill in the postcode."),
        Text(
            nl="Kies bij 'Afstand' hoe ver u wilt reizen.", en="Under 'Distance', choose how far you want to travel."
        ),
        Text(nl="Klik op 'Zoek activiteiten'.", en="Click 'Find activities'."),
        Text(
            nl="Klik op een activiteit voor de tijden en het adres.",
            en="Click an activity for the times and the address.",
        ),
    ),
)

SUBSCRIBE_TO_THE_AGENDA = Video(
    slug="subscribe-to-the-agenda",
    title=Text(
        nl="Zo abonneert u zich op de agenda in uw agenda-app",
        en="How to subscribe to the agenda in your calendar app",
    ),
    topic=Text(nl="De agenda in uw telefoon of computer", en="The agenda in your phone or computer"),
    sentences=(
        Text(
            nl="Kies eerst met de filters wat u wilt volgen.",
            en="First choose with the filters what you want to follow.",
        ),
        Text(nl="Klik dan op 'Abonneer in uw agenda-app'.", en="Then click 'Subscribe in your calendar app'."),
        Text(nl="Kies de knop die bij uw agenda-app past.", en="Choose the button that fits your calendar app."),
        Text(
            nl="Een andere app? Kopieer het adres en voeg het daar toe.",
            en="Another app? Copy the address and add it there.",
        ),
        Text(
            nl="Nieuwe activiteiten komen nu vanzelf in uw agenda.",
            en="New activities now appear in your calendar by themselves.",
        ),
    ),
)

INSTRUCTION_VIDEOS = (FIND_AN_ACTIVITY, SUBSCRIBE_TO_THE_AGENDA)

HANDOUT = Handout(
    slug="reliable-information",
    title=Text(nl="Zo vindt u betrouwbare informatie", en="How to find reliable information"),
    intro=Text(
        nl="Op internet staat veel over kanker. Niet alles klopt. Met deze stappen vindt u informatie die u kunt vertrouwen.",
        en="There is a lot about cancer on the internet. Not all of it is right. With these steps you find information you can trust.",
    ),
    steps=(
        Text(
            nl="Begin bij kanker.nl. Daar staat informatie voor mensen zonder medische kennis.",
            en="Start at kanker.nl. It has information for people without medical knowledge.",
        ),
        Text(
            nl="Typ in het zoekvak een woord, bijvoorbeeld de soort kanker of 'moe'.",
            en="Type a word in the search box, for example the type of cancer or 'moe' (tired).",
        ),
        Text(
            nl="Kijk op een andere website: wie schreef dit, en wanneer?",
            en="On another website, check: who wrote this, and when?",
        ),
        Text(
            nl="Wil een website iets verkopen? Wees dan voorzichtig.",
            en="Does a website want to sell something? Then be careful.",
        ),
        Text(
            nl="Schrijf uw vragen op en neem ze mee naar uw arts of verpleegkundige.",
            en="Write your questions down and take them to your doctor or nurse.",
        ),
        Text(
            nl="Maakt iets u ongerust? Praat erover met iemand die u vertrouwt, of met een vrijwilliger in het centrum.",
            en="Does something worry you? Talk about it with someone you trust, or with a volunteer at the centre.",
        ),
    ),
)
