"""Opening a conversation's websocket in a test, with the session of a test client.

The consumer's database work runs on the test's own thread and connection (the test's
transaction), as ``sync_to_async`` does, instead of a worker thread that would not see it."""

import json
from contextlib import asynccontextmanager

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

ORIGIN = (b"origin", b"http://testserver")
HOST = (b"host", b"testserver")


def cookie_header(client) -> tuple[bytes, bytes]:
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    return (b"cookie", cookies.encode())


def _is_ready(output) -> bool:
    return output.get("type") == "websocket.send" and json.loads(output.get("text") or "{}").get("type") == "ready"


class PageSocket(WebsocketCommunicator):
    """A page's socket: the "ready" frame that ends the opening (everything the page lacked has
    been sent) is kept in ``ready`` instead of being read as one of the messages."""

    ready = None

    def _keep_ready(self):
        queue = self.output_queue._queue
        while queue and _is_ready(queue[0]):
            self.ready = json.loads(queue.popleft()["text"])

    async def receive_output(self, timeout=1):
        while True:
            output = await super().receive_output(timeout)
            if not _is_ready(output):
                return output
            self.ready = json.loads(output["text"])

    async def receive_json_from(self, timeout=1):
        while True:
            payload = await super().receive_json_from(timeout)
            if payload.get("type") != "ready":
                return payload
            self.ready = payload

    async def receive_nothing(self, timeout=0.1, interval=0.01):
        self._keep_ready()
        if await super().receive_nothing(timeout, interval):
            return True
        self._keep_ready()
        return await super().receive_nothing(timeout, interval)


@asynccontextmanager
async def socket(client, conversation_id: int, *, after: int = 0, headers=None):
    from config.asgi import application

    communicator = PageSocket(
        application,
        f"/ws/conversations/{conversation_id}/?after={after}&lang=fr",
        headers=[HOST, *(headers if headers is not None else [ORIGIN, cookie_header(client)])],
    )
    connected, code = await communicator.connect(timeout=5)
    try:
        yield communicator, connected, code
    finally:
        await communicator.disconnect()


def db(function):
    """Run ``function`` as the consumer runs its database work in these tests."""
    return sync_to_async(function, thread_sensitive=True)
