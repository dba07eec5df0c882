"""Lesson 3: contact with others who have been through the same (lotgenotencontact)."""

from .types import Answer, Lesson, MultipleChoiceQuestion, PracticeTask, Text, Tip, TrueFalseQuestion, Video

LESSON = Lesson(
    slug="peer-contact",
    title=Text(nl="Lotgenotencontact", en="Contact with peers"),
    intro=Text(
        nl="Praten met iemand die hetzelfde meemaakt, kan veel steun geven. In deze les ziet u hoe kanker.nl daarbij helpt.",
        en="Talking to someone who goes through the same can be a great support. In this lesson you see how kanker.nl helps with that.",
    ),
    minutes=10,
    paragraphs=(
        Text(
            nl="Op kanker.nl schrijven mensen met kanker en hun naasten over hun ervaringen. Uw gast kan die verhalen lezen. Vaak herkent uw gast er iets in. Dat geeft het gevoel: ik ben niet de enige.",
            en="On kanker.nl people with cancer and their loved ones write about their experiences. Your guest can read those stories. Often your guest recognises something in them. That gives the feeling: I am not the only one.",
        ),
        Text(
            nl="Wil uw gast zelf iets schrijven of reageren? Dan maakt uw gast een eigen account aan, met een eigen e-mailadres. Gebruik nooit uw eigen account of e-mailadres voor een gast.",
            en="Does your guest want to write or reply? Then your guest creates their own account, with their own e-mail address. Never use your own account or e-mail address for a guest.",
        ),
        Text(
            nl="Wat iemand op een forum schrijft, kunnen anderen lezen. Bespreek daarom samen wat uw gast wil delen. Een gebruikersnaam zonder de echte naam is vaak prettig.",
            en="What someone writes on a forum can be read by others. So discuss together what your guest wants to share. A user name without the real name is often nice.",
        ),
    ),
    tip=Tip(
        title=Text(nl="Ook in uw eigen centrum", en="In your own centre too"),
        text=Text(
            nl="Contact met lotgenoten kan ook gewoon bij u in het centrum. Kijk in de agenda of er een gespreksgroep of koffieochtend is.",
            en="Contact with peers can also simply happen in your centre. Look in the agenda for a discussion group or coffee morning.",
        ),
    ),
    video=Video(
        slug="lesson-3-peer-contact",
        title=Text(nl="Lotgenotencontact", en="Contact with peers"),
        topic=Text(nl="Ervaringen lezen en delen", en="Reading and sharing experiences"),
        sentences=(
            Text(
                nl="Praten met iemand die hetzelfde meemaakt, helpt vaak.",
                en="Talking to someone who goes through the same often helps.",
            ),
            Text(nl="Op kanker.nl delen mensen hun ervaringen.", en="On kanker.nl people share their experiences."),
            Text(nl="Uw gast kan die verhalen lezen.", en="Your guest can read those stories."),
            Text(
                nl="Zelf schrijven kan met een eigen account.",
                en="To write, your guest needs an account of their own.",
            ),
            Text(nl="Bespreek samen wat uw gast wil delen.", en="Discuss together what your guest wants to share."),
        ),
    ),
    questions=(
        MultipleChoiceQuestion(
            question=Text(
                nl="Uw gast wil reageren op een verhaal, maar heeft geen account. Wat doet u?",
                en="Your guest wants to reply to a story but has no account. What do you do?",
            ),
            answers=(
                Answer(
                    text=Text(
                        nl="U laat uw gast inloggen met uw account.", en="You let your guest log in with your account."
                    ),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Dan staat de reactie op uw naam, en ziet uw gast de antwoorden niet.",
                        en="No. The reply would then be in your name, and your guest would not see the answers.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="U helpt uw gast een eigen account te maken, met een eigen e-mailadres.",
                        en="You help your guest create their own account, with their own e-mail address.",
                    ),
                    correct=True,
                    feedback=Text(
                        nl="Goed. Zo blijft het account van uw gast, en kan uw gast thuis verder.",
                        en="Right. That way the account belongs to your guest, who can carry on at home.",
                    ),
                ),
                Answer(
                    text=Text(
                        nl="U schrijft de reactie zelf namens uw gast.",
                        en="You write the reply yourself on behalf of your guest.",
                    ),
                    correct=False,
                    feedback=Text(
                        nl="Nee. Het zijn de woorden en ervaringen van uw gast. Uw gast beslist zelf wat er staat.",
                        en="No. They are your guest's words and experiences. Your guest decides what is written.",
                    ),
                ),
            ),
        ),
        TrueFalseQuestion(
            statement=Text(
                nl="Wat uw gast op een forum schrijft, kunnen andere mensen lezen.",
                en="What your guest writes on a forum can be read by other people.",
            ),
            correct=True,
            feedback_if_true=Text(
                nl="Goed. Bespreek daarom samen wat uw gast wil delen, en kies een gebruikersnaam zonder de echte naam.",
                en="Right. So discuss together what your guest wants to share, and choose a user name without the real name.",
            ),
            feedback_if_false=Text(
                nl="Dat klopt niet. Anderen kunnen het lezen. Bespreek daarom samen wat uw gast wil delen.",
                en="That is not right. Others can read it. So discuss together what your guest wants to share.",
            ),
        ),
    ),
    practice=PracticeTask(
        task=Text(
            nl="Zoek samen met uw gast op kanker.nl een verhaal van iemand met dezelfde soort kanker.",
            en="Look up together with your guest a story on kanker.nl by someone with the same type of cancer.",
        ),
        hint=Text(
            nl="Zoek op de soort kanker en het woord 'ervaringen'. Lees eerst zelf even mee.",
            en="Search for the type of cancer and the word 'ervaringen' (experiences). Read along yourself first.",
        ),
        check_question=Text(
            nl="Herkende uw gast iets in het verhaal?",
            en="Did your guest recognise something in the story?",
        ),
        check_answer=Text(
            nl="Praat er samen over na. Niet elk verhaal past bij iedereen. Dat is ook goed om te weten.",
            en="Talk about it together afterwards. Not every story suits everyone. That is good to know too.",
        ),
    ),
)
