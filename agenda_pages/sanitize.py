"""Turn untrusted feed text into plain text or into HTML that is safe to store in a RichTextField.

``plain_text`` is free of Django so the parsers can use it in the parse worker; only
``sanitize_description`` needs Wagtail (and therefore settings), which it imports when called.
"""

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "a"}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"
# Tags removed together with their content; every other unknown tag is unwrapped, keeping its text.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "title"}
# A description longer than this is cut before cleaning: no event needs more, and it bounds the work.
MAX_DESCRIPTION_CHARS = 100_000
# The rich-text features the stored HTML may use; matches ALLOWED_TAGS.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# Block elements become paragraphs, so "<h2>Title</h2><div>Text</div>" does not run into "TitleText".
BLOCK_TAGS = {
    "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "header", "footer",
    "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "td", "th", "caption", "main", "aside",
}  # fmt: skip

_BLOCK_TAG = re.compile(r"<(/?)(?:" + "|".join(sorted(BLOCK_TAGS)) + ")>")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br>)*</p>")
_LINK_WITHOUT_HREF = re.compile(r'<a rel="[^"]*">(.*?)</a>', re.DOTALL)

_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def plain_text(value: str, max_length: int = 255) -> str:
    """The text of ``value`` without tags or entities, on one line, at most ``max_length`` long."""
    if not value:
        return ""
    text = nh3.clean(value[:MAX_DESCRIPTION_CHARS], tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)
    # nh3 escapes what it keeps; a second unescape undoes feeds that escaped their text twice
    # ("&amp;#038;" in WordPress titles).
    text = html.unescape(html.unescape(text))
    text = _WHITESPACE.sub(" ", text).strip()
    if len(text) > max_length:
        cut = text[: max_length - 1]
        if text[max_length - 1] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # end on a whole word
        text = cut.rstrip() + "…"
    return text


def sanitize_description(value: str, is_html: bool) -> str:
    """HTML for a RichTextField, in Wagtail's database format, from untrusted text or HTML.

    HTML is cleaned by nh3 to a small allow-list (no scripts, styles, frames, event handlers or
    non-http(s)/mailto links), then passed through Wagtail's editor-HTML converter so the result is
    what Wagtail itself would store; last, nh3 runs once more to add ``rel="nofollow noopener"`` to
    links (Wagtail's converter keeps only ``href``).
    """
    if not value or not value.strip():
        return ""
    value = value[:MAX_DESCRIPTION_CHARS]
    if not is_html:
        return _paragraphs_from_text(value)
    cleaned = _clean_html(value, tags=ALLOWED_TAGS | BLOCK_TAGS, link_rel=None)
    cleaned = _BLOCK_TAG.sub(r"<\1p>", cleaned)
    if not cleaned.strip():
        return ""
    stored = _to_database_format(cleaned)
    # The last pass also repairs what the renaming above may have nested (<p> inside <p>).
    result = _clean_html(stored, tags=ALLOWED_TAGS, link_rel=LINK_REL)
    result = _LINK_WITHOUT_HREF.sub(r"\1", result)  # links whose unsafe URL was removed
    result = _EMPTY_PARAGRAPH.sub("", result).strip()
    return result.replace("<br>", "<br/>")  # as Wagtail writes it


def _clean_html(value: str, *, tags: set[str], link_rel: str | None) -> str:
    return nh3.clean(
        value,
        tags=tags,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_URL_SCHEMES,
        url_relative="deny",
        link_rel=link_rel,
        strip_comments=True,
    )


def _paragraphs_from_text(value: str) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = []
    for block in _BLANK_LINE.split(text):
        lines = [html.escape(line.strip(), quote=False) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(paragraphs)


def _to_database_format(cleaned_html: str) -> str:
    # Wagtail's documented converter for editor HTML (wagtail.admin.rich_text.converters.editor_html),
    # limited to our features. Imported here: it needs Django settings and the app registry.
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    return EditorHTMLConverter(features=RICH_TEXT_FEATURES).to_database_format(cleaned_html)
