"""A feed's categories and an event's words, read as our themes (pure: no ORM; ``service`` loads the
rules from the ``Theme`` snippets and the source's category mapping).

Feeds rarely use our words, so a category becomes a theme in this order: the source's own mapping
("Wandelen" is "bewegen" for this centre), then a theme's slug or name in either language, then a
theme's keywords. "Online" and "Naasten" are not themes but the attendance mode and the audience,
which have filters of their own. An event that ends up without a theme gets themes *suggested* from
its title and description by the same keywords; a reviewer accepts or changes them.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from agenda_pages.sanitize import plain_text

# Categories that say how to take part or for whom, not what the activity is about.
ONLINE_CATEGORIES = frozenset({"online", "digitaal", "webinar", "online bijeenkomst"})
AUDIENCE_CATEGORIES = {  # normalised category -> Audience code
    "naasten": "relatives",
    "voor naasten": "relatives",
    "mantelzorgers": "relatives",
    "nabestaanden": "bereaved",
    "professionals": "professionals",
    "vrijwilligers": "professionals",
}
NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, without accents, words separated by single spaces: "Crëatief  -Atelier" is
    "creatief atelier"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(character for character in decomposed if not unicodedata.combining(character))
    return NON_WORD.sub(" ", plain).strip()


@dataclass(frozen=True)
class ThemeRule:
    slug: str
    names: tuple[str, ...]  # slug, Dutch and English label
    keywords: tuple[str, ...]

    def keyword_pattern(self) -> re.Pattern | None:
        """Any keyword (or the theme's name) at the start of a word, on normalised text."""
        words = [normalise(keyword) for keyword in (*self.names, *self.keywords)]
        words = [word for word in words if word]
        if not words:
            return None
        return re.compile(r"(?<![0-9a-z])(?:" + "|".join(re.escape(word) for word in words) + ")")


@dataclass(frozen=True)
class ThemeRules:
    """Everything the mapping stage needs to turn categories and text into theme slugs."""

    themes: tuple[ThemeRule, ...] = ()
    category_map: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the source's own, normalised
    default_themes: tuple[str, ...] = ()

    def __post_init__(self):
        by_name = {normalise(name): rule.slug for rule in self.themes for name in rule.names}
        patterns = tuple((rule.slug, rule.keyword_pattern()) for rule in self.themes)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_patterns", tuple((slug, p) for slug, p in patterns if p is not None))

    def for_category(self, category: str) -> tuple[str, ...]:
        """The themes one feed category means; none for a category we do not know."""
        key = normalise(category)
        if not key:
            return ()
        if key in self.category_map:
            return self.category_map[key]
        if key in self._by_name:
            return (self._by_name[key],)
        return self.matching(key)

    def matching(self, text: str) -> tuple[str, ...]:
        """Themes with a keyword at the start of a word in ``text``."""
        text = normalise(text)
        return tuple(slug for slug, pattern in self._patterns if pattern.search(text))


@dataclass(frozen=True)
class ReadCategories:
    themes: tuple[str, ...]
    online: bool
    audience: tuple[str, ...]


def read_categories(categories: tuple[str, ...], rules: ThemeRules) -> ReadCategories:
    """A feed's categories as themes (with the source's default themes), attendance and audience."""
    themes, audience, online = set(rules.default_themes), set(), False
    for category in categories:
        key = normalise(plain_text(category, 100))
        if key in ONLINE_CATEGORIES:
            online = True
        elif key in AUDIENCE_CATEGORIES:
            audience.add(AUDIENCE_CATEGORIES[key])
        else:
            themes.update(rules.for_category(key))
    return ReadCategories(tuple(sorted(themes)), online, tuple(sorted(audience)))


def suggest_themes(title: str, description_text: str, rules: ThemeRules) -> tuple[str, ...]:
    """Themes whose keywords start a word of the title or the description (plain text)."""
    return tuple(sorted(rules.matching(f"{title} {description_text}")))


NO_THEME_RULES = ThemeRules()  # no themes known: categories and text give none
