"""The channel layer of production: Redis's publish and subscribe, as ``channels_redis`` makes
it, with one change that matters under load.

``channels_redis`` (4.x) sends every announcement of a server process through one lock, which
it also takes to subscribe: announcements waited for each other's answer from Redis, one
after the other, so a busy process could announce only as many messages a second as its event
loop could turn round, and the pages received them seconds late. Here an announcement takes a
connection from the pool and waits for nobody; subscribing keeps the lock, since the one
subscription connection must see them in order.

The pool is a waiting one (``BlockingConnectionPool``) of ``PUBLISH_CONNECTIONS``: when all are
busy an announcement waits for one to be free, where redis-py's default pool refuses it ("Too
many connections") and the message would reach no page until the next one.
"""

from __future__ import annotations

import asyncio

from channels_redis import pubsub
from redis import asyncio as aioredis

#: Connections a server process opens to Redis to announce at the same time (and one to listen).
PUBLISH_CONNECTIONS = 32


class _Shard(pubsub.RedisSingleShardConnection):
    def _ensure_redis(self):
        if self._redis is None and "address" in self.host:
            host = dict(self.host)
            pool = aioredis.BlockingConnectionPool.from_url(
                host.pop("address"), max_connections=PUBLISH_CONNECTIONS + 1, timeout=30, **host
            )
            self._redis = aioredis.Redis(connection_pool=pool)
            self._pubsub = self._redis.pubsub()
        super()._ensure_redis()

    async def publish(self, channel, message):
        self._ensure_redis()
        await self._redis.publish(channel, message)


class _LoopLayer(pubsub.RedisPubSubLoopLayer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shards = [_Shard(shard.host, self) for shard in self._shards]


class RedisPubSubChannelLayer(pubsub.RedisPubSubChannelLayer):
    def _get_layer(self):
        loop = asyncio.get_running_loop()
        try:
            return self._layers[loop]
        except KeyError:
            layer = _LoopLayer(*self._args, **self._kwargs, channel_layer=self)
            self._layers[loop] = layer
            pubsub._wrap_close(self, loop)
            return layer
