import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agenda_pages.importing.parse_jsonld import parse_jsonld
from agenda_pages.importing.types import ParseLimits
from agenda_pages.sanitize import plain_text, sanitize_description

FILES = Path(__file__).parent / "files"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wandelen &#8211; samen &amp; in beweging", "Wandelen \u2013 samen & in beweging"),
        ("Tree &amp;#038; Fish", "Tree & Fish"),
        ("<b>Vet</b>\n\t en   <i>schuin</i>", "Vet en schuin"),
        ("Titel<script>alert(1)</script><style>b{}</style>", "Titel"),
        ("5 < 6 &lt;b&gt;", "5 < 6 <b>"),
        ("", ""),
    ],
)
def test_plain_text(value, expected):
    assert plain_text(value) == expected


def test_plain_text_truncates():
    assert plain_text("woord " * 100, max_length=20) == "woord woord woord…"
    assert plain_text("x" * 300) == "x" * 254 + "…"


def test_plain_text_to_paragraphs():
    value = "Eerste regel\r\nTweede <regel> & meer\n\n\nNieuwe alinea\n"
    assert sanitize_description(value, is_html=False) == (
        "<p>Eerste regel<br/>Tweede &lt;regel&gt; &amp; meer</p><p>Nieuwe alinea</p>"
    )
    assert sanitize_description("  \n ", is_html=False) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<p>Hallo <b>vet</b> <strong>sterk</strong> <i>i</i> <em>em</em></p>",
         "<p>Hallo <b>vet</b> <strong>sterk</strong> <i>i</i> <em>em</em></p>"),
        ("<ul><li>een<li>twee</ul><ol><li>drie</li></ol>", "<ul><li>een</li><li>twee</li></ul><ol><li>drie</li></ol>"),
        ('<a href="https://e.nl/a?b=1&c=2" title="t">link</a>',
         '<a href="https://e.nl/a?b=1&amp;c=2" rel="nofollow noopener">link</a>'),
        ('<a href="mailto:info@e.nl">mail</a>', '<a href="mailto:info@e.nl" rel="nofollow noopener">mail</a>'),
        ('<a href="https://e.nl" rel="opener" target="_blank">x</a>',
         '<a href="https://e.nl" rel="nofollow noopener">x</a>'),
        ("<p>tekst</p><script>alert(1)</script>", "<p>tekst</p>"),
        ('<script src="https://evil.example/x.js"></script>ok', "ok"),
        ("<img src=x onerror=alert(1)>na", "na"),
        ('<p onclick="alert(1)" style="color:red" class="x">p</p>', "<p>p</p>"),
        ('<a href="javascript:alert(1)">js</a>', "js"),
        ('<a href=" JaVaScRiPt:alert(1)">js</a>', "js"),
        ('<a href="&#106;avascript:alert(1)">js</a>', "js"),
        ('<a href="&#x6A;&#x61;vascript&#58;alert(1)">js</a>', "js"),
        ('<a href="java\tscript:alert(1)">js</a>', "js"),
        ('<a href="vbscript:msgbox(1)">vb</a>', "vb"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>', "data"),
        ('<img src="data:image/png;base64,AAAA">', ""),
        ('<iframe src="https://evil.example"></iframe>na', "na"),
        ("<style>body{display:none}</style>na", "na"),
        ("<svg onload=alert(1)><circle/></svg>na", "na"),
        ("<math><mi>x</mi></math>na", "na"),
        ('<form action="/x"><input name="a"><button>Go</button></form>', "Go"),
        ("<object data=x></object><embed src=x>na", "na"),
        ("<!-- geheim --><p>zichtbaar</p>", "<p>zichtbaar</p>"),
        ("<p>open <b>vet <i>schuin</p>rest", "<p>open <b>vet <i>schuin</i></b></p><b><i>rest</i></b>"),
        ("<<script>script>alert(1)<</script>/script>", "&lt;/script&gt;"),  # escaped text, inert
        ("<h2>Kop</h2><div>Tekst</div><table><tr><td>cel</td></tr></table>", "<p>Kop</p><p>Tekst</p><p>cel</p>"),
        ("<div><p>a</p><div>b</div></div>los", "<p>a</p><p>b</p>los"),
        ("<p></p><p> <br> </p><p>x</p>", "<p>x</p>"),
        ("regel<br>regel", "regel<br/>regel"),
        ('<a href="/relatief">rel</a>', "rel"),
        ("", ""),
    ],
)  # fmt: skip
def test_hostile_and_messy_html(value, expected):
    assert sanitize_description(value, is_html=True) == expected


def test_a_megabyte_is_cut_and_fast():
    value = "<p>" + "woord <b>vet</b> <script>x</script> " * 30_000 + "</p>"
    assert len(value) > 1_000_000
    started = time.perf_counter()
    result = sanitize_description(value, is_html=True)
    assert time.perf_counter() - started < 2
    assert "<script" not in result
    assert len(result) < 100_000
    assert result.startswith("<p>woord <b>vet</b>  woord")


def test_real_descriptions_from_pages():
    limits = ParseLimits(datetime(2019, 1, 1, tzinfo=UTC), datetime(2020, 1, 1, tzinfo=UTC))
    data = (FILES / "jsonld" / "dugnetwork_sunday-morning-bird-walk-at-dyke-marsh-122.html").read_bytes()
    (walk,) = parse_jsonld(data, limits=limits).events
    assert sanitize_description(walk.description, walk.description_is_html) == (
        "<p>Join Friends of Dyke Marsh for a Sunday morning bird walk every Sunday morning at 8 a.m. Meet in the "
        "south parking lot of the Belle Haven picnic area. Walks are led by experienced birders and all are welcome. "
        "For more information: http://fodm.org/</p>"
    )
    data = (FILES / "jsonld" / "caseytrees_event_website_content_feb.html").read_bytes()
    (trees,) = parse_jsonld(data, limits=limits).events
    result = sanitize_description(trees.description, trees.description_is_html)
    assert result.startswith("<p>Do you want to play a greater role in re-treeing D.C.?")
    assert result.endswith("The class will […]</p>")
