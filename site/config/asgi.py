"""ASGI entry point: the pages (HTTP) and the conversations' websockets (``/ws/…``)."""

import gc
import os
import sys

from django.core.asgi import get_asgi_application

from config.settings.env import settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
settings_or_exit(status=3)

# The sockets' database work runs in threads beside the event loop: a thread whose query has
# answered waits for the interpreter's lock at most this long (5 ms by default), which would
# otherwise be added to each query of each message under load.
sys.setswitchinterval(0.0005)

# Django is set up before the websocket routes import models.
http_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from channels.sessions import SessionMiddlewareStack  # noqa: E402

from conversations.origin import SameOriginValidator  # noqa: E402
from conversations.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": http_application,
        # Same origin only (a page of another site cannot open a socket with the visitor's
        # cookies), on a host the site serves.
        "websocket": SameOriginValidator(
            AllowedHostsOriginValidator(SessionMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)

# What the process loaded to serve (Django, the apps, the templates) stays for its lifetime: set
# aside from the garbage collector, whose full passes otherwise walk it again and again, each a
# pause of a tenth of a second or more for every socket of the process.
gc.freeze()
