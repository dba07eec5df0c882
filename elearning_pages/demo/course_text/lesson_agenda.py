"""Lesson 4: the agenda of the centres."""

from .types import Answer, Lesson, MultipleChoiceQuestion, PracticeTask, Text, Tip, TrueFalseQuestion, Video

LESSON = Lesson(
    slug="agenda",
    title=Text(nl="De agenda van de centra", en="The agenda of the centres"),
    intro=Text(
        nl="De centra organiseren veel activiteiten. In deze les vindt u samen met uw gast een activiteit die past.",
        en="The centres organise many activities. In this lesson you find a suitable activity together with your guest.",
    ),
    minutes=10,
    paragraphs=(
        Text(
            nl="In de agenda staan de activiteiten van de Centra voor leven met en na kanker. Bijvoorbeeld wandelen, yoga, schilderen of een gespreksgroep. Ook online activiteiten staan erin.",
            en="The agenda lists the activities of the Centres for living with and after cancer. For example walking, yoga, painting or a discussion group. Online activities are in it too.",
        ),
        Text(
            nl="Met de filters maakt u de lijst kleiner. Kies bijvoorbeeld een onderwerp, of vul een postcode of plaats in. Dan ziet u alleen activiteiten in de buurt van uw gast.",
            en="The filters make the list shorter. For example, choose a theme, or fill in a postcode or place. Then you only see activities near your guest.",
        ),
        Text(
            nl="Heeft uw gast iets gevonden? Dan kan uw gast de activiteit in de eigen agenda-app zetten, of het programma printen. Zo vergeet uw gast de datum niet.",
            en="Has your guest found something? Then your guest can put the activity in their own calendar app, or print the programme. That way your guest does not forget the date.",
        ),
    ),
    tip=Tip(
        title=Text(nl="Vraag wat uw gast fijn vindt", en="Ask what your guest enjoys"),
        text=Text(
            nl="Vraag niet alleen naar de ziekte. Vraag ook: wat doet u graag? Dan vindt u eerder een activiteit waar uw gast zin in heeft.",
            en="Do not only ask about the illness. Also ask: what do you like doing? Then you more easily find an activity your guest looks forward to.",
        ),
    ),
    video=Video(
        slug="lesson-4-agenda",
        title=Text(nl="De agenda van de centra", en="The agenda of the centres"),
        topic=Text(nl="Een activiteit vinden die past", en="Finding an activity that suits"),
        sentences=(
            Text(nl="De centra organiseren veel activiteiten.", en="The centres organise many activities."),
            Text(nl="U vindt ze allemaal in de agenda.", en="You find them all in the agenda."),
            Text(nl="Met de filters maakt u de lijst kleiner.", en="The filters make the list shorter."),
            Text(
                nl="Vul een postcode in voor activiteiten in de buurt.", en="Fill in a postcode for activities nearby."
            ),
            Text(nl="Zet de activiteit daarna in de agenda-app.", en="Then put the activity in the calendar app."),
        ),
    ),
    questions=(
        TrueFalseQuestion(
            statement=Text(
                nl="In de agenda staan alleen activiteiten in een centrum, niet online.",
                en="The agenda only lists activities in a centre, not online.",
            ),
            correct=False,
            feedback_if_true=Text(
                nl="Dat klopt niet. Er staan ook online activiteiten in. Handig voor gasten die niet kunnen reizen.",
                en="That is not right. Online activities are in it too. Useful for guests who cannot travel.",
            ),
            feedback_if_false=Text(
                nl="Goed. Er staan ook online activiteiten in. Handig voor gasten die niet kunnen reizen.",
                en="Right. Online activities are in it too. Useful for guests who cannot travel.",
            ),
        ),
        MultipleChoiceQuestion(
            question=Text(
                nl="Uw gast zoekt een activiteit bij hem in de buurt. Wat doet u eerst?",
                en="Your guest is looking for an activity near home. What do you do first?",
            ),
            answers=(
                Answer(
                    text=Text(
                        nl="U vult de postcode of plaats van uw gast in.",
                        en="You fill in your guest's postcode or place.",
                    ),
                    correct=True,
                    feedback=Text(
                        nl="Goed. Dan ziet u alleen activiteiten binnen de afstand die u kiest.",
                        en="Right. Then you only see activities within the distance you choose.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="U leest de hele lijst van boven naar beneden.",
                        en="You read the whole list from top to bottom.",
                    ),
                    correct=False,
                    feedback=Text(
                        nl="Dat kan, maar het duurt lang. Met een postcode of plaats wordt de lijst veel korter.",
                        en="You could, but it takes long. With a postcode or place the list gets much shorter.",
                    ),
                ),
                Answer(
                    text=Text(nl="U belt alle centra in de buurt.", en="You call all the centres nearby."),
                    correct=False,
                    feedback=Text(
                        nl="Dat is niet nodig. De agenda toont de activiteiten van de centra al. Bellen kan daarna, met een gerichte vraag.",
                        en="That is not needed. The agenda already shows the centres' activities. You can call afterwards, with a specific question.",
                    ),
                ),
            ),
        ),
    ),
    practice=PracticeTask(
        task=Text(
            nl="Zoek samen met uw gast op wat er de komende maand aan activiteiten is, binnen 15 kilometer van huis.",
            en="Look up together with your guest which activities there are in the coming month, within 15 kilometres of home.",
        ),
        hint=Text(
            nl="Vul bij 'Postcode of plaats' de postcode van uw gast in. Kies bij 'Afstand' 15 km.",
            en="Fill in your guest's postcode under 'Postcode of plaats' (postcode or place). Choose 15 km under 'Afstand' (distance).",
        ),
        check_question=Text(
            nl="Hoeveel activiteiten vond u? En welke spreekt uw gast aan?",
            en="How many activities did you find? And which one appeals to your guest?",
        ),
        check_answer=Text(
            nl="Het aantal staat boven de lijst. Geen enkele gevonden? Kies een grotere afstand, of kijk naar online activiteiten.",
            en="The number is shown above the list. None found? Choose a larger distance, or look at online activities.",
        ),
    ),
)
