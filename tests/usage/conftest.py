import pytest

from tests.home.factories import StandardPageFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def page(site_home):
    """A page type that opts in to the counts (``StandardPage`` is a ``CountedPage``)."""
    return StandardPageFactory(parent=site_home, title="Financiering van het MDO", slug="mdo")


@pytest.fixture
def browser(client):
    """The test client as a visitor's browser: it sends a User-Agent, as browsers always do."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client
