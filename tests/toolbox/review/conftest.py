from tests.toolbox.people import centre_staff, clock, editor, moderator  # noqa: F401  (fixtures)
