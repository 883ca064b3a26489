#!/bin/sh
# Websocket process of the production image: Daphne serves the conversations' sockets (/ws/),
# which the load balancer routes here; pages stay with gunicorn (scripts/web.sh). Events join
# the processes through Redis (CHANNEL_LAYERS), so either can be scaled out.
exec daphne --bind 0.0.0.0 --port "${PORT:-8000}" --proxy-headers config.asgi:application
