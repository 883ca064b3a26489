#!/bin/sh
# Websocket process of the production image: uvicorn serves the conversations' sockets (/ws/),
# which the load balancer routes here; pages stay with gunicorn (scripts/web.sh). One process
# per core (SOCKET_WORKERS); events join the processes and containers through Redis
# (CHANNEL_LAYERS), so either can be scaled out. Compression is off: messages are short, and
# compressing each frame cost more than sending it.
exec uvicorn config.asgi:application \
    --host 0.0.0.0 --port "${PORT:-8000}" \
    --workers "${SOCKET_WORKERS:-2}" \
    --proxy-headers --forwarded-allow-ips '*' \
    --ws-per-message-deflate false \
    --lifespan off \
    --no-access-log
