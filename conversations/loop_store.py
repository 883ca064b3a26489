"""Storing a message sent over a socket without leaving the socket server's event loop.

On PostgreSQL the consumers store messages through a few asynchronous connections of their own
(psycopg's, per event loop) instead of Django's, which live in a pool of threads: each exchange
with the database there cost a thread switch and a wait for the interpreter's lock behind
the event loop, several times per message, and under a thousand sockets that waiting, not the
database, made the delay. Here the lock of the conversation's row, the writing (the same
statement as :func:`services._write_postgresql`) and the commit leave together, in one message
to the server and one answer.

The rules are those of :func:`services.message_store`, which the pages and the other databases
use: checked text, one message per sender's reference, the rate per minute, the order of a
conversation's messages (``previous``).
"""

from __future__ import annotations

import asyncio

import psycopg
from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from .exceptions import MessageRefused
from .models import Message
from .services import Author, _cleaned, _reference, _write_statements, _write_values, _written

#: Connections each event loop keeps open to store messages.
CONNECTIONS = 4
#: The writing's answer: the conversation, the earlier message with this reference, the one
#: before the new one, and the new one.
_WRITTEN_COLUMNS = 4

_pools: dict[asyncio.AbstractEventLoop, _Pool] = {}

#: Django's options that psycopg's connect does not take (its cursors are Django's, synchronous).
_DJANGO_ONLY = {"cursor_factory", "context", "server_side_binding", "pool", "isolation_level", "assume_role"}


def available() -> bool:
    """Whether messages can be stored this way: the database is PostgreSQL."""
    return connections["default"].vendor == "postgresql" and settings.CONVERSATION_STORE_ON_LOOP


class _Pool:
    def __init__(self):
        self.idle: list[psycopg.AsyncConnection] = []
        self.opened = 0
        self.freed = asyncio.Condition()

    async def take(self) -> psycopg.AsyncConnection:
        async with self.freed:
            while not self.idle and self.opened >= CONNECTIONS:
                await self.freed.wait()
            if self.idle:
                return self.idle.pop()
            self.opened += 1
        try:
            params = {
                key: value
                for key, value in connections["default"].get_connection_params().items()
                if key not in _DJANGO_ONLY
            }
            return await psycopg.AsyncConnection.connect(**params, autocommit=True)
        except BaseException:
            async with self.freed:
                self.opened -= 1
                self.freed.notify()
            raise

    async def give_back(self, connection: psycopg.AsyncConnection, *, broken: bool) -> None:
        async with self.freed:
            if broken or connection.closed:
                self.opened -= 1
                await connection.close()
            else:
                self.idle.append(connection)
            self.freed.notify()

    async def close(self) -> None:
        async with self.freed:
            for connection in self.idle:
                await connection.close()
            self.opened -= len(self.idle)
            self.idle.clear()


def _pool() -> _Pool:
    loop = asyncio.get_running_loop()
    for other in [other for other in _pools if other.is_closed()]:
        del _pools[other]  # a finished loop's connections went with it
    if loop not in _pools:
        _pools[loop] = _Pool()
    return _pools[loop]


async def close() -> None:
    """Close this event loop's connections (at the end of a test)."""
    pool = _pools.pop(asyncio.get_running_loop(), None)
    if pool is not None:
        await pool.close()


async def message_store(author: Author, body: str, client_id=None) -> tuple[Message, bool]:
    """As :func:`services.message_store`: ``(message, True)`` when stored now, ``(message,
    False)`` for a resend (only its id is known); refused with a message to show
    (:class:`MessageRefused`), or :class:`ConversationNotFound`."""
    body = _cleaned(body)
    reference = _reference(client_id)
    now = timezone.now()
    lock, write = _write_statements(author)
    # One exchange: the statements go together, their values written into them by psycopg (a
    # client-side cursor), and each statement after the lock sees what was committed before.
    statement = f"BEGIN; {lock}; {write}; COMMIT"
    pool = _pool()
    connection = await pool.take()
    broken = False
    try:
        cursor = psycopg.AsyncClientCursor(connection)
        try:
            await cursor.execute(statement, _write_values(author, body, reference, now))
            while cursor.description is None or len(cursor.description) != _WRITTEN_COLUMNS:
                if not cursor.nextset():
                    raise psycopg.OperationalError("the writing's answer did not come")
            row = await cursor.fetchone()
        except psycopg.Error:
            if not connection.closed:
                await connection.execute("ROLLBACK")  # a statement failed: its transaction is over
            raise
        finally:
            await cursor.close()
    except psycopg.IntegrityError:  # someone else's reference: never theirs to reuse
        raise MessageRefused(_("Your message could not be sent: send it again.")) from None
    except psycopg.Error:  # the database went away or refused: the page sends it again
        broken = True
        raise MessageRefused(_("Your message could not be sent: send it again.")) from None
    finally:
        await pool.give_back(connection, broken=broken)
    found = _written(author, body, reference, now, row)
    if isinstance(found, int):
        return Message(pk=found), False
    return found, True
