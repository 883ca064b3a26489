"""Opening a conversation's websocket in a test, with the session of a test client.

The consumer's database work runs on the test's own thread and connection (the test's
transaction), as ``sync_to_async`` does, instead of a worker thread that would not see it."""

from contextlib import asynccontextmanager

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

ORIGIN = (b"origin", b"http://testserver")
HOST = (b"host", b"testserver")


def cookie_header(client) -> tuple[bytes, bytes]:
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    return (b"cookie", cookies.encode())


@asynccontextmanager
async def socket(client, conversation_id: int, *, after: int = 0, headers=None):
    from config.asgi import application

    communicator = WebsocketCommunicator(
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
