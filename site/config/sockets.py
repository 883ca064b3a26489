"""The websocket server of production: uvicorn, one process per core, each with its own listening
socket on the same port (``SO_REUSEPORT``), so that the kernel spreads the connections evenly
between the processes. With one socket shared by every process (``uvicorn --workers``), the
process that wakes first takes the connections that arrive together; under a burst of
reconnections one process ended up with nearly all of them and the other stayed idle.

    python -m config.sockets [--host 0.0.0.0] [--port 8000] [--workers 2] [uvicorn's options…]

The processes' events meet through the channel layer (Redis), as between containers. When one
process stops, the others are stopped and the command exits with its status, for the container's
supervisor to start it again; SIGTERM and SIGINT stop them all.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys

#: Options every process gets: the socket's messages are short, compressing each frame costs more
#: than sending it; the access log would be one line per socket.
UVICORN_OPTIONS = {"ws_per_message_deflate": False, "lifespan": "off", "access_log": False}


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(host: str, port: int, options: dict) -> None:
    """One process: its own socket on the shared port, uvicorn on ``config.asgi``."""
    import uvicorn

    config = uvicorn.Config("config.asgi:application", host=host, port=port, **UVICORN_OPTIONS, **options)
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a container's server
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("SOCKET_WORKERS", "2")))
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--proxy-headers", action="store_true", help="trust X-Forwarded-* from the load balancer")
    args = parser.parse_args(argv)
    options = {"log_level": args.log_level}
    if args.proxy_headers:
        options.update(proxy_headers=True, forwarded_allow_ips="*")
    else:
        options.update(proxy_headers=False)

    children: list[int] = []
    for _number in range(max(args.workers, 1)):
        pid = os.fork()
        if pid == 0:  # the child serves until it is told to stop
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            try:
                serve(args.host, args.port, options)
            finally:
                os._exit(0)
        children.append(pid)

    def stop(signum, _frame):
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    status = 0
    while children:
        try:
            pid, code = os.wait()
        except ChildProcessError:
            break
        if pid in children:
            children.remove(pid)
            status = status or os.waitstatus_to_exitcode(code)
            stop(signal.SIGTERM, None)  # one gone: stop the rest, the supervisor starts us again
    return abs(status)


if __name__ == "__main__":
    sys.exit(main())
