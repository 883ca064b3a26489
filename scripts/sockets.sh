#!/bin/sh
# Websocket process of the production image: uvicorn serves the conversations' sockets (/ws/),
# which the load balancer routes here; pages stay with gunicorn (scripts/web.sh). One process
# per core (SOCKET_WORKERS), each listening on the port with its own socket so that the kernel
# shares the connections out evenly (config/sockets.py); events join the processes and
# containers through Redis (CHANNEL_LAYERS), so either can be scaled out.
exec python -m config.sockets --port "${PORT:-8000}" --workers "${SOCKET_WORKERS:-2}" --proxy-headers
