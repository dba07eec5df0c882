#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kankernl_site.settings.dev")

    from django.conf import settings
    from django.core.management import execute_from_command_line

    from kankernl_site.settings.env import exit_on_settings_error

    with exit_on_settings_error():
        # Load settings up front so a configuration error is one sentence, not a traceback.
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
