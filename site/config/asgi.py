"""ASGI entry point, ready for the live-chat websockets to be routed beside HTTP."""

import os

from django.core.asgi import get_asgi_application

from config.settings.env import settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
settings_or_exit(status=3)

application = get_asgi_application()
