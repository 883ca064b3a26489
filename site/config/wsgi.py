"""WSGI entry point: ``gunicorn --pythonpath site config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

from config.settings.env import settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
settings_or_exit(status=3)

application = get_wsgi_application()
