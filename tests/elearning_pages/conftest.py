import pytest

from tests.elearning_pages.factories import make_course, make_course_index


@pytest.fixture
def course_index(site_home):
    """The Dutch e-learning overview, at /e-learning/."""
    return make_course_index(site_home)


@pytest.fixture
def course(course_index):
    """A live course with three lessons; the first has a video, each has two self-checks."""
    return make_course(course_index, lessons=3)
