import pytest

from tests.toolbox.factories import make_index, make_topic_page


@pytest.fixture
def toolbox_index(site_home):
    """The Dutch toolbox overview, at /toolbox/."""
    return make_index(site_home)


@pytest.fixture
def topic_page(toolbox_index):
    return make_topic_page(toolbox_index)
