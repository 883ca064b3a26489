"""The channel layer of production (Redis's publish and subscribe, conversations.layers) carries
a burst of announcements sent at once from one process: far more than its connections, each
reaches every socket of the group exactly once, none refused for want of a free connection."""

import asyncio
import os
import uuid

import pytest
import redis
from asgiref.sync import async_to_sync

from conversations.layers import PUBLISH_CONNECTIONS, RedisPubSubChannelLayer
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.clock(live=True)

BURST = PUBLISH_CONNECTIONS * 8


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        skip_or_fail(f"needs Redis at {url}: start redis-server or set REDIS_URL")
    return url


def test_a_burst_of_announcements_reaches_every_socket_of_the_group_once(redis_url):
    async def scenario():
        layer = RedisPubSubChannelLayer(hosts=[redis_url])
        group = f"burst-{uuid.uuid4().hex}"
        try:
            sockets = [await layer.new_channel() for _ in range(3)]
            for channel in sockets:
                await layer.group_add(group, channel)
            await asyncio.gather(*(layer.group_send(group, {"type": "event", "n": n}) for n in range(BURST)))
            received = {}
            for channel in sockets:
                received[channel] = [(await asyncio.wait_for(layer.receive(channel), 10))["n"] for _ in range(BURST)]
            extra = [channel for channel in sockets if not layer.channels[channel].empty()]
            return received, extra
        finally:
            await layer.flush()

    received, extra = async_to_sync(scenario)()

    assert all(sorted(numbers) == list(range(BURST)) for numbers in received.values())
    assert extra == []
