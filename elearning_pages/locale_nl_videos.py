"""Dutch wording of the videos' UI strings (issue 14), to merge into kankernl_site/locale/nl_translations.py."""

NL = {
    # The video block
    "%(title)s (video on %(provider)s)": "%(title)s (video op %(provider)s)",
    "Play the video “%(title)s”. This loads the video from %(provider)s.": "Speel de video “%(title)s” af. De video wordt dan geladen van %(provider)s.",
    "Watch “%(title)s” on %(provider)s": "Bekijk “%(title)s” op %(provider)s",
    "The video comes from %(provider)s. We load nothing from %(provider)s until you click. After that, %(provider)s may store cookies.": "De video komt van %(provider)s. We laden niets van %(provider)s tot u klikt. Daarna kan %(provider)s cookies opslaan.",
    "Your browser cannot play this video.": "Uw browser kan deze video niet afspelen.",
    "Download the video": "Download de video",
    "Duration:": "Duur:",
    "Captions:": "Ondertiteling:",
    "Chapters": "Hoofdstukken",
    "Play from here:": "Speel af vanaf hier:",
    "Read what is said": "Lees wat er gezegd wordt",
    # The embed
    "Watch on %(site_name)s": "Bekijk op %(site_name)s",
    # The video page
    "Put this video on your website": "Zet deze video op uw website",
    "Copy the code and paste it on your own website. The video then plays there, with captions and the transcript.": "Kopieer de code en plak hem op uw eigen website. De video speelt dan daar, met ondertiteling en de uitgeschreven tekst.",
    "Code to embed": "Code om in te sluiten",
    "More videos on this topic": "Meer video's over dit onderwerp",
    "Video: %(title)s": "Video: %(title)s",
    # The library
    ("%(counter)s video", "%(counter)s videos"): ("%(counter)s video", "%(counter)s video's"),
    "Do you want to show a video on your own website? Choose “Code to embed” below the video.": "Wilt u een video op uw eigen website laten zien? Kies dan “Code om in te sluiten” onder de video.",
    "From the e-learning “%(course)s”": "Uit de e-learning “%(course)s”",
    "Captions: %(languages)s": "Ondertiteld: %(languages)s",
    "Captions on %(provider)s": "Ondertiteld op %(provider)s",
    "No captions": "Zonder ondertiteling",
    "With transcript": "Met uitgeschreven tekst",
    "No transcript": "Zonder uitgeschreven tekst",
    "Plays from %(provider)s": "Speelt af via %(provider)s",
    "There are no videos yet.": "Er zijn nog geen video's.",
}
