import pytest

from tests.elearning_pages.videos.factories import make_library, make_topic


@pytest.fixture
def library(site_home):
    """The Dutch instruction-video library, at /instructievideos/."""
    return make_library(site_home)


@pytest.fixture
def topic(db):
    return make_topic()
