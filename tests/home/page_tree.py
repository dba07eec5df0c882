"""The page tree that migrating a new database makes (home/migrations/0004), as tests compare it."""

from wagtail.models import Page

# url_path, page type, language, title: the Dutch tree and, beside it, its English translation.
MIGRATED_TREE = [
    ("/home/", "HomePage", "nl", "Home"),
    ("/home/agenda/", "AgendaIndexPage", "nl", "Agenda"),
    ("/home/centra/", "CentreIndexPage", "nl", "Centra"),
    ("/home-en/", "HomePage", "en", "Home"),
    ("/home-en/agenda/", "AgendaIndexPage", "en", "Agenda"),
    ("/home-en/centres/", "CentreIndexPage", "en", "Centres"),
]


def page_tree() -> list[tuple[str, str, str, str]]:
    """Every page under the tree root, in tree order, as MIGRATED_TREE lists them."""
    pages = Page.objects.filter(depth__gt=1).order_by("path").select_related("locale", "content_type")
    return [(page.url_path, page.specific_class.__name__, page.locale.language_code, page.title) for page in pages]


def tree_rows() -> list[tuple]:
    """Every page's row as stored, to tell that nothing changed at all."""
    return list(Page.objects.order_by("path").values_list("pk", "path", "numchild", "content_type_id", "title"))
