#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kankernl_site.settings.dev")

    from django.core.management import execute_from_command_line

    from kankernl_site.settings.env import exit_on_settings_error

    # A missing or malformed environment variable becomes one sentence, not a traceback.
    with exit_on_settings_error():
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
