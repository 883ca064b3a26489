"""A Redis cache that fails safe: when Redis is unreachable, the site serves as if the cache were empty.

After a failure the cache is skipped for a few seconds, so an outage does not add a connection
timeout to every request.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

SKIP_AFTER_FAILURE_SECONDS = 5.0


def _fail_safe(name: str, fallback):
    def method(self, *args, **kwargs):
        if time.monotonic() < self._skip_until:
            return fallback(args, kwargs)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except (RedisError, OSError):
            self._skip_until = time.monotonic() + SKIP_AFTER_FAILURE_SECONDS
            logger.warning("Cache unreachable during %s; serving without it", name, exc_info=True)
            return fallback(args, kwargs)

    method.__name__ = name
    return method


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _raise_missing(args, kwargs):
    raise ValueError("Key not found (cache unreachable)")


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._skip_until = 0.0

    get = _fail_safe("get", _default)
    set = _fail_safe("set", lambda a, k: None)
    add = _fail_safe("add", lambda a, k: False)
    touch = _fail_safe("touch", lambda a, k: False)
    delete = _fail_safe("delete", lambda a, k: False)
    get_many = _fail_safe("get_many", lambda a, k: {})
    set_many = _fail_safe("set_many", lambda a, k: [])
    delete_many = _fail_safe("delete_many", lambda a, k: None)
    has_key = _fail_safe("has_key", lambda a, k: False)
    incr = _fail_safe("incr", _raise_missing)
    clear = _fail_safe("clear", lambda a, k: False)
