import os

from django.core.wsgi import get_wsgi_application

from kankernl_site.settings.env import exit_on_settings_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kankernl_site.settings.production")

with exit_on_settings_error():
    application = get_wsgi_application()
