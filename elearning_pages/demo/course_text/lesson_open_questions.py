"""Lesson 5: what to do with a question you cannot answer."""

from .types import Answer, Lesson, MultipleChoiceQuestion, PracticeTask, Text, Tip, TrueFalseQuestion, Video

LESSON = Lesson(
    slug="open-questions",
    title=Text(nl="Een vraag die u niet kunt beantwoorden", en="A question you cannot answer"),
    intro=Text(
        nl="U hoeft niet alles te weten. In deze les leert u wat u doet met een vraag waar u geen antwoord op heeft.",
        en="You do not need to know everything. In this lesson you learn what to do with a question you have no answer to.",
    ),
    minutes=10,
    paragraphs=(
        Text(
            nl="Gasten stellen soms vragen over hun eigen ziekte of behandeling. Bijvoorbeeld: werkt deze behandeling bij mij? Die vraag kan alleen hun eigen arts of verpleegkundige beantwoorden. Ga dus niet gissen.",
            en="Guests sometimes ask questions about their own illness or treatment. For example: will this treatment work for me? Only their own doctor or nurse can answer that question. So do not guess.",
        ),
        Text(
            nl="Zeg eerlijk dat u het niet weet. Help uw gast de vraag op te schrijven. Dan kan uw gast die meenemen naar het volgende gesprek met de arts.",
            en="Say honestly that you do not know. Help your guest write the question down. Then your guest can take it to the next conversation with the doctor.",
        ),
        Text(
            nl="Gaat de vraag niet over de ziekte, maar bijvoorbeeld over geld, werk of thuis? Vraag dan de coördinator van uw centrum wie kan helpen. Is er haast, of voelt uw gast zich erg slecht? Dan belt uw gast de huisarts.",
            en="Is the question not about the illness, but for example about money, work or home? Then ask the coordinator of your centre who can help. Is it urgent, or does your guest feel very unwell? Then your guest calls the GP.",
        ),
    ),
    tip=Tip(
        title=Text(nl="U mag zeggen: dat weet ik niet", en="You may say: I do not know"),
        text=Text(
            nl="Dat is geen falen. Het laat zien dat u uw gast serieus neemt. Luisteren is vaak al een grote hulp.",
            en="That is not failing. It shows that you take your guest seriously. Listening is often a great help already.",
        ),
    ),
    video=Video(
        slug="lesson-5-open-questions",
        title=Text(nl="Een vraag die u niet kunt beantwoorden", en="A question you cannot answer"),
        topic=Text(nl="Eerlijk zijn en goed doorverwijzen", en="Being honest and referring well"),
        sentences=(
            Text(nl="U hoeft niet alles te weten.", en="You do not need to know everything."),
            Text(nl="Zeg eerlijk dat u het niet weet.", en="Say honestly that you do not know."),
            Text(
                nl="Een medische vraag gaat naar de eigen arts.",
                en="A medical question goes to the guest's own doctor.",
            ),
            Text(nl="Help uw gast de vraag op te schrijven.", en="Help your guest write the question down."),
            Text(
                nl="Voor andere vragen helpt de coördinator u verder.",
                en="For other questions, the coordinator helps you further.",
            ),
            Text(nl="Bij haast belt uw gast de huisarts.", en="When it is urgent, your guest calls the GP."),
        ),
    ),
    questions=(
        MultipleChoiceQuestion(
            question=Text(
                nl="Een gast vraagt: 'Werkt deze behandeling bij mij?' Wat zegt u?",
                en="A guest asks: 'Will this treatment work for me?' What do you say?",
            ),
            answers=(
                Answer(
                    text=Text(nl="'Bij mijn buurvrouw werkte het goed.'", en="'It worked well for my neighbour.'"),
                    correct=False,
                    feedback=Text(
                        nl="Liever niet. Elke situatie is anders. Zo wekt u verwachtingen die misschien niet uitkomen.",
                        en="Better not. Every situation is different. You raise expectations that may not come true.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="'Dat weet ik niet. Zullen we de vraag opschrijven voor uw arts?'",
                        en="'I do not know. Shall we write the question down for your doctor?'",
                    ),
                    correct=True,
                    feedback=Text(
                        nl="Goed. U bent eerlijk, en uw gast kan de vraag stellen aan wie het antwoord wel weet.",
                        en="Right. You are honest, and your guest can ask someone who does know the answer.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="'Laten we het opzoeken, dan weten we het zeker.'",
                        en="'Let us look it up, then we will know for sure.'",
                    ),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Op internet staat algemene informatie. Of een behandeling bij uw gast werkt, weet alleen de eigen arts.",
                        en="No. The internet has general information. Only the guest's own doctor knows whether a treatment works for them.",
                    ),
                ),
            ),
        ),
        TrueFalseQuestion(
            statement=Text(
                nl="Als u een vraag niet kunt beantwoorden, heeft u uw gast niet geholpen.",
                en="If you cannot answer a question, you have not helped your guest.",
            ),
            correct=False,
            feedback_if_true=Text(
                nl="Dat klopt niet. Luisteren en samen de vraag opschrijven is ook hulp. Zo weet uw gast waar het antwoord te halen is.",
                en="That is not right. Listening and writing the question down together is help too. Your guest then knows where to get the answer.",
            ),
            feedback_if_false=Text(
                nl="Goed. Luisteren en samen de vraag opschrijven is ook hulp. Zo weet uw gast waar het antwoord te halen is.",
                en="Right. Listening and writing the question down together is help too. Your guest then knows where to get the answer.",
            ),
        ),
    ),
    practice=PracticeTask(
        task=Text(
            nl="Zoek samen met uw gast op kanker.nl op wat uw gast kan vragen bij een gesprek met de arts.",
            en="Look up together with your guest on kanker.nl what your guest can ask in a conversation with the doctor.",
        ),
        hint=Text(
            nl="Zoek op 'gesprek met de arts' of 'vragen aan de arts'.",
            en="Search for 'gesprek met de arts' (conversation with the doctor) or 'vragen aan de arts' (questions for the doctor).",
        ),
        check_question=Text(
            nl="Heeft uw gast nu minstens één vraag opgeschreven voor het volgende gesprek?",
            en="Has your guest now written down at least one question for the next conversation?",
        ),
        check_answer=Text(
            nl="Ja? Dan gaat uw gast beter voorbereid naar de arts. Nee? Dan is samen zoeken een mooi begin. De vraag komt vaak later.",
            en="Yes? Then your guest goes to the doctor better prepared. No? Then searching together is a good start. The question often comes later.",
        ),
    ),
)
