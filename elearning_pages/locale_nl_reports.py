"""Dutch for the e-learning reports (branch ``reports``), to merge into kankernl_site/locale/nl_translations.py.

Already translated there and used as is: "Up to and including" (Tot en met), "Page" (Pagina),
"Started" (Begonnen), "Finished" (Klaar), "Show" (Toon).
"""

NL = {
    # Menu entries and page titles
    "E-learning: participants per month": "E-learning: deelnemers per maand",
    "Self-checks: right the first time": "Zelftoetsen: goed in één keer",
    "Drop-out per lesson": "Uitval per les",
    "Videos: played and watched to the end": "Video's: afgespeeld en uitgekeken",
    # Period
    "Period": "Periode",
    "From month": "Vanaf maand",
    "For example 2026-01": "Bijvoorbeeld 2026-01",
    "For example 2026-12": "Bijvoorbeeld 2026-12",
    "The first month comes after the last.": "De eerste maand ligt na de laatste.",
    "This period cannot be used; the report shows the last twelve months.": (
        "Met deze periode kan het overzicht niet werken; het toont de laatste twaalf maanden."
    ),
    "Counted from %(first)s up to and including %(last)s. Only numbers: no names, e-mail addresses or other "
    "details of learners.": (
        "Geteld van %(first)s tot en met %(last)s. Alleen aantallen: geen namen, e-mailadressen of andere "
        "gegevens van deelnemers."
    ),
    # Page names
    "(deleted)": "(verwijderd)",
    "%(title)s (offline)": "%(title)s (offline)",
    "(question removed)": "(vraag verwijderd)",
    "(video removed)": "(video verwijderd)",
    # Participants per month
    "Course": "Cursus",
    "Month": "Maand",
    "Learners per course and month": "Deelnemers per cursus en maand",
    "Learners per month, all courses": "Deelnemers per maand, alle cursussen",
    "Bar chart of the learners who started and who finished a course, per month. The numbers are in the "
    "table below.": (
        "Staafdiagram van de deelnemers die per maand aan een cursus begonnen en die een cursus afrondden. "
        "De aantallen staan in de tabel hieronder."
    ),
    "In this period %(started)s times a learner started a course and %(completed)s times a learner finished one.": (
        "In deze periode begon %(started)s keer iemand aan een cursus en rondde %(completed)s keer iemand er een af."
    ),
    "No learner started or finished a course in this period.": (
        "In deze periode begon niemand aan een cursus en rondde niemand een cursus af."
    ),
    # Self-checks
    "Lesson": "Les",
    "Question": "Vraag",
    "Learners who answered": "Deelnemers met een antwoord",
    "Right the first time": "In één keer goed",
    "Right the first time (%)": "In één keer goed (%)",
    "Questions, the lowest share right first": "Vragen, de laagste score eerst",
    "A question that few learners get right the first time may be unclear, or the lesson may not explain it "
    "well enough.": (
        "Een vraag die weinig deelnemers in één keer goed hebben, is misschien onduidelijk. Of de les legt het "
        "nog niet goed genoeg uit."
    ),
    "No self-check was answered in this period.": "In deze periode is geen zelftoets beantwoord.",
    # Drop-out per lesson
    "No.": "Nr.",
    "Share finished": "Deel afgerond",
    "Share that went on to the next lesson": "Deel dat doorging naar de volgende les",
    "Went on to the next lesson": "Door naar de volgende les",
    "Went on to the next lesson (%)": "Door naar de volgende les (%)",
    "Learners per lesson: %(course)s": "Deelnemers per les: %(course)s",
    "Bar chart of the learners who started and who finished each lesson, in course order. The numbers are in "
    "the table below.": (
        "Staafdiagram van de deelnemers die aan elke les begonnen en die de les afrondden, in de volgorde van de "
        "cursus. De aantallen staan in de tabel hieronder."
    ),
    "Learners who opened a lesson in this period, lesson by lesson in course order. “Went on” counts the "
    "learners who also opened the next lesson.": (
        "Deelnemers die in deze periode een les openden, les voor les in de volgorde van de cursus. "
        "“Door naar de volgende les” telt de deelnemers die ook de volgende les openden."
    ),
    "There is no live course.": "Er staat geen cursus online.",
    # Videos
    "Video": "Video",
    "Plays": "Keer afgespeeld",
    "Watched to the end": "Keer uitgekeken",
    "Watched to the end (%)": "Uitgekeken (%)",
    "Share watched to the end": "Deel uitgekeken",
    "Each video with how often it was played and how often it was watched to the end, the most played first. "
    "A video in both a Dutch and an English page counts once.": (
        "Elke video met hoe vaak hij is afgespeeld en hoe vaak hij is uitgekeken, de meest bekeken eerst. "
        "Een video op een Nederlandse en een Engelse pagina telt één keer."
    ),
    "No video was played in this period.": "In deze periode is geen video afgespeeld.",
}
