"""Lesson 2: finding reliable information together with a guest."""

from .types import Answer, Lesson, MultipleChoiceQuestion, PracticeTask, Text, Tip, TrueFalseQuestion, Video

LESSON = Lesson(
    slug="reliable-information",
    title=Text(nl="Samen betrouwbare informatie vinden", en="Finding reliable information together"),
    intro=Text(
        nl="Op internet staat veel over kanker, maar niet alles klopt. In deze les zoekt u samen met uw gast naar informatie die u kunt vertrouwen.",
        en="There is a lot about cancer on the internet, but not all of it is right. In this lesson you look for information you can trust, together with your guest.",
    ),
    minutes=15,
    paragraphs=(
        Text(
            nl="Laat uw gast zelf de muis of het scherm bedienen, als dat kan. U helpt alleen als dat nodig is. Zo houdt uw gast de regie. En thuis lukt het daarna vaak ook.",
            en="Let your guest use the mouse or the screen, if possible. You only help when needed. That way your guest stays in control. And at home it often works afterwards too.",
        ),
        Text(
            nl="Begin bij kanker.nl en niet bij een zoekmachine. Een zoekmachine laat ook reclame en oude verhalen zien. Kijk bij elke tekst ook naar de datum: hoe recent is die?",
            en="Start at kanker.nl, not at a search engine. A search engine also shows adverts and old stories. With every text, also look at the date: how recent is it?",
        ),
        Text(
            nl="Leest u samen iets dat uw gast ongerust maakt? Sta daar even bij stil. Vraag wat de tekst met uw gast doet. Spreek af dat uw gast de vraag meeneemt naar de arts of verpleegkundige.",
            en="Do you read something together that worries your guest? Take a moment. Ask what the text does to your guest. Agree that your guest takes the question to the doctor or nurse.",
        ),
    ),
    tip=Tip(
        title=Text(nl="Drie vragen bij elke website", en="Three questions for every website"),
        text=Text(
            nl="Wie heeft dit geschreven? Wanneer is het bijgewerkt? Wil de website iets verkopen? Weet u het antwoord niet, zoek dan verder op kanker.nl.",
            en="Who wrote this? When was it updated? Does the website want to sell something? If you do not know the answer, look further on kanker.nl.",
        ),
    ),
    video=Video(
        slug="lesson-2-reliable-information",
        title=Text(nl="Samen betrouwbare informatie vinden", en="Finding reliable information together"),
        topic=Text(nl="Zoeken met uw gast naast u", en="Searching with your guest beside you"),
        sentences=(
            Text(
                nl="Niet alles op internet over kanker klopt.",
                en="Not everything about cancer on the internet is right.",
            ),
            Text(nl="Begin daarom bij kanker.nl.", en="So start at kanker.nl."),
            Text(
                nl="Laat uw gast zelf zoeken, u helpt waar nodig.", en="Let your guest search, and help where needed."
            ),
            Text(nl="Kijk samen wie de tekst schreef en wanneer.", en="Check together who wrote the text, and when."),
            Text(
                nl="Een persoonlijke vraag gaat naar de eigen arts.",
                en="A personal question goes to the guest's own doctor.",
            ),
        ),
    ),
    questions=(
        TrueFalseQuestion(
            statement=Text(
                nl="U kunt het best beginnen met zoeken in een zoekmachine.",
                en="It is best to start searching in a search engine.",
            ),
            correct=False,
            feedback_if_true=Text(
                nl="Dat klopt niet. Een zoekmachine toont ook reclame en oude teksten. Begin liever bij kanker.nl.",
                en="That is not right. A search engine also shows adverts and old texts. Better start at kanker.nl.",
            ),
            feedback_if_false=Text(
                nl="Goed. Een zoekmachine toont ook reclame en oude teksten. Daarom begint u bij kanker.nl.",
                en="Right. A search engine also shows adverts and old texts. That is why you start at kanker.nl.",
            ),
        ),
        MultipleChoiceQuestion(
            question=Text(
                nl="Uw gast leest iets dat hem ongerust maakt. Wat doet u?",
                en="Your guest reads something that worries him. What do you do?",
            ),
            answers=(
                Answer(
                    text=Text(nl="U zegt dat het vast wel meevalt.", en="You say it will surely be fine."),
                    correct=False,
                    feedback=Text(
                        nl="Liever niet. Dat kunt u niet weten, en uw gast voelt zich dan misschien niet gehoord.",
                        en="Better not. You cannot know that, and your guest may then not feel heard.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="U vraagt wat de tekst met hem doet, en raadt aan de vraag aan de arts te stellen.",
                        en="You ask what the text does to him, and suggest asking the doctor.",
                    ),
                    correct=True,
                    feedback=Text(
                        nl="Goed. U geeft aandacht aan het gevoel, en de medische vraag gaat naar wie uw gast kent.",
                        en="Right. You pay attention to the feeling, and the medical question goes to someone who knows your guest.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="U zoekt snel een andere website met beter nieuws.",
                        en="You quickly look for another website with better news.",
                    ),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Zo komt u makkelijk bij informatie die niet klopt. En de zorg van uw gast blijft.",
                        en="No. That easily leads to information that is not right. And your guest's worry remains.",
                    ),
                ),
            ),
        ),
    ),
    practice=PracticeTask(
        task=Text(
            nl="Zoek samen met uw gast op wat kanker.nl schrijft over een behandeling die uw gast krijgt of kreeg.",
            en="Look up together with your guest what kanker.nl says about a treatment your guest has or had.",
        ),
        hint=Text(
            nl="Zoek eerst de soort kanker op. Bij elke soort staat een deel over behandeling.",
            en="First look up the type of cancer. Each type has a part about treatment.",
        ),
        check_question=Text(
            nl="Staat er een datum bij de tekst die u vond? Hoe recent is die?",
            en="Does the text you found show a date? How recent is it?",
        ),
        check_answer=Text(
            nl="Met een datum ziet u hoe actueel een tekst is. Staat er geen datum? Wees dan extra kritisch, zeker op andere websites.",
            en="A date shows how up to date a text is. No date? Then be extra critical, especially on other websites.",
        ),
    ),
)
