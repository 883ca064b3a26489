"""A websocket is opened only by a page of the same site: its ``Origin`` must name the host the
socket is opened on. Browsers send the visitor's cookies with any site's socket, so without
this a page elsewhere could read a conversation in the visitor's name."""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier


class SameOriginValidator:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not self.same_origin(scope):
            denier = WebsocketDenier()
            return await denier(scope, receive, send)
        return await self.application(scope, receive, send)

    @staticmethod
    def same_origin(scope) -> bool:
        headers = dict(scope.get("headers", []))
        origin = headers.get(b"origin", b"").decode("latin1")
        host = headers.get(b"host", b"").decode("latin1")
        if not origin or origin == "null":
            return False
        parts = urlsplit(origin)
        return bool(parts.netloc) and parts.scheme in ("http", "https") and (not host or parts.netloc == host)
