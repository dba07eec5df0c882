"""Lesson 1: what kanker.nl offers."""

from .types import Answer, Lesson, MultipleChoiceQuestion, PracticeTask, Text, Tip, TrueFalseQuestion, Video

LESSON = Lesson(
    slug="platform",
    title=Text(nl="Wat biedt kanker.nl?", en="What does kanker.nl offer?"),
    intro=Text(
        nl="Kanker.nl is een website over leven met kanker. In deze les ziet u wat uw gasten er kunnen vinden.",
        en="Kanker.nl is a website about living with cancer. In this lesson you see what your guests can find there.",
    ),
    minutes=10,
    paragraphs=(
        Text(
            nl="Op kanker.nl staat informatie over kanker. Bijvoorbeeld over soorten kanker, onderzoeken en behandelingen. Er staat ook veel over het leven met kanker: over werk, geld, relaties en vermoeidheid. De teksten zijn geschreven voor mensen zonder medische kennis.",
            en="Kanker.nl has information about cancer. For example about types of cancer, tests and treatments. There is also a lot about living with cancer: about work, money, relationships and tiredness. The texts are written for people without medical knowledge.",
        ),
        Text(
            nl="Op kanker.nl leest u ook ervaringen van anderen. Mensen met kanker en hun naasten schrijven daar over hun leven. Ook kunnen zij met elkaar praten op een forum.",
            en="On kanker.nl you also read the experiences of others. People with cancer and their loved ones write about their lives there. They can also talk to each other on a forum.",
        ),
        Text(
            nl="Verder vindt u op kanker.nl een overzicht van hulp en zorg. Daar staan ook de Centra voor leven met en na kanker, zoals uw eigen centrum.",
            en="Kanker.nl also has an overview of help and care. It includes the Centres for living with and after cancer, such as your own centre.",
        ),
    ),
    tip=Tip(
        title=Text(nl="Vraag eerst wat uw gast zoekt", en="First ask what your guest is looking for"),
        text=Text(
            nl="Laat niet meteen alles zien. Vraag eerst: waar wilt u meer over weten? Dan zoekt u samen alleen dat op. Zo blijft het rustig voor uw gast.",
            en="Do not show everything at once. First ask: what would you like to know more about? Then you look up only that, together. That keeps it calm for your guest.",
        ),
    ),
    video=Video(
        slug="lesson-1-platform",
        title=Text(nl="Wat biedt kanker.nl?", en="What does kanker.nl offer?"),
        topic=Text(nl="Een rondleiding langs de website", en="A tour of the website"),
        sentences=(
            Text(
                nl="Kanker.nl is een website over leven met kanker.",
                en="Kanker.nl is a website about living with cancer.",
            ),
            Text(
                nl="U vindt er uitleg over soorten kanker en behandelingen.",
                en="You find explanations of types of cancer and treatments.",
            ),
            Text(
                nl="U leest er ook over werk, geld en vermoeidheid.",
                en="You also read about work, money and tiredness.",
            ),
            Text(nl="Andere mensen delen er hun ervaringen.", en="Other people share their experiences there."),
            Text(
                nl="En u vindt er hulp in de buurt, zoals de centra.",
                en="And you find help nearby, such as the centres.",
            ),
        ),
    ),
    questions=(
        MultipleChoiceQuestion(
            question=Text(nl="Wat vindt u op kanker.nl?", en="What do you find on kanker.nl?"),
            answers=(
                Answer(
                    text=Text(
                        nl="Informatie, ervaringen van anderen en een overzicht van hulp",
                        en="Information, experiences of others and an overview of help",
                    ),
                    correct=True,
                    feedback=Text(
                        nl="Goed. Kanker.nl biedt uitleg, verhalen van anderen en de weg naar hulp, zoals de centra.",
                        en="Right. Kanker.nl offers explanations, stories of others and the way to help, such as the centres.",
                    ),
                ),
                Answer(
                    text=Text(nl="Een persoonlijk advies van een arts", en="Personal advice from a doctor"),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Kanker.nl geeft algemene informatie. Een persoonlijk advies krijgt uw gast van de eigen arts of verpleegkundige.",
                        en="No. Kanker.nl gives general information. Your guest gets personal advice from their own doctor or nurse.",
                    ),
                ),
                Answer(
                    text=Text(nl="Alleen informatie over behandelingen", en="Only information about treatments"),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Er staat ook veel over het dagelijks leven met kanker, en over ervaringen van anderen.",
                        en="No. There is also a lot about daily life with cancer, and about the experiences of others.",
                    ),
                ),
            ),
        ),
        TrueFalseQuestion(
            statement=Text(
                nl="De teksten op kanker.nl zijn geschreven voor artsen.",
                en="The texts on kanker.nl are written for doctors.",
            ),
            correct=False,
            feedback_if_true=Text(
                nl="Dat klopt niet. De teksten zijn juist geschreven voor mensen zonder medische kennis, zoals uw gasten.",
                en="That is not right. The texts are written for people without medical knowledge, such as your guests.",
            ),
            feedback_if_false=Text(
                nl="Goed. De teksten zijn geschreven voor mensen zonder medische kennis, zoals uw gasten.",
                en="Right. The texts are written for people without medical knowledge, such as your guests.",
            ),
        ),
    ),
    practice=PracticeTask(
        task=Text(
            nl="Zoek samen met uw gast op wat kanker.nl schrijft over vermoeidheid bij kanker.",
            en="Look up together with your guest what kanker.nl says about tiredness with cancer.",
        ),
        hint=Text(
            nl="Typ het woord 'vermoeidheid' in het zoekvak bovenaan de website.",
            en="Type the word 'vermoeidheid' (tiredness) in the search box at the top of the website.",
        ),
        check_question=Text(
            nl="Vond uw gast een tekst die past bij wat hij of zij wilde weten?",
            en="Did your guest find a text that fits what they wanted to know?",
        ),
        check_answer=Text(
            nl="Ja? Mooi. Nee? Probeer een ander woord, bijvoorbeeld 'moe'. Of vraag wat uw gast precies wil weten.",
            en="Yes? Good. No? Try another word, for example 'moe' (tired). Or ask what exactly your guest wants to know.",
        ),
    ),
)
