"""Dutch for the strings of the WebVTT reader (elearning_pages/webvtt.py), to merge into
kankernl_site/locale/nl_translations.py. Editors see them when captions they paste are refused."""

NL = {
    "Line %(line)s: %(message)s": "Regel %(line)s: %(message)s",
    "expected a time line such as 00:01.000 --> 00:04.000, found “%(found)s”.": "hier hoort een tijdregel zoals 00:01.000 --> 00:04.000, maar er staat “%(found)s”.",
    "the cue ends at or before its start.": "deze ondertitel eindigt niet na zijn begintijd.",
    "the cue has no text.": "deze ondertitel heeft geen tekst.",
    "text may not contain “-->”; is a blank line missing?": "tekst mag geen “-->” bevatten. Mist er een lege regel?",
    "a WebVTT file starts with the word WEBVTT.": "een WebVTT-bestand begint met het woord WEBVTT.",
    "put a blank line between WEBVTT and the first cue.": "zet een lege regel tussen WEBVTT en de eerste ondertitel.",
    "this cue starts before the one above it; put the cues in time order.": "deze ondertitel begint eerder dan die erboven. Zet de ondertitels op volgorde van tijd.",
    "the file has no cues.": "het bestand bevat geen ondertitels.",
}
