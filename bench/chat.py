"""Delivery of conversation messages over websockets, served the way production serves them.

What it measures: the production socket server (uvicorn, two processes each with its own socket
on the port, as ``scripts/sockets.sh`` starts it: ``config/sockets.py``; ``--server daphne`` for
Daphne) on ``config.asgi`` under ``config.settings.production``
on loopback,
with PostgreSQL (``DATABASE_URL``, else a throw-away database on 127.0.0.1:5432 when it answers,
else SQLite) and Redis's publish/subscribe channel layer (``REDIS_URL``, else db 14 of
127.0.0.1:6379 when it answers, else process memory). Clients come in pairs, each pair the
applicant and the advisor of one file's conversation, signed in by their sessions (the advisor
with a verified second factor). Every client sends a message over its socket every
``--interval`` seconds for ``--duration`` seconds; every message is stored, and the other side
of the pair must receive it exactly once. Latency is from the moment the sender sends to the
moment the other side receives; "stored" is from sending to the server's answer that the message
is stored. The sending starts once every socket has been sent what it holds (its "ready" frame)
and nothing has arrived for ``SETTLE_SECONDS``; each client starts at its own moment of the
interval (drawn at random, the same in every run).

It prints, for each number of clients, the messages sent, the deliveries, p50/p95/p99 latency,
lost and duplicated counts, then the goal (1,000 clients: nothing lost or duplicated, p95 under
100 ms) and, as its very last line, one JSON object with ``clients``, ``p50_ms``, ``p95_ms``,
``p99_ms``, ``lost`` and ``duplicated`` for the largest run, and ``runs`` for all of them.
It exits non-zero when a message was lost or duplicated.

Run from the repository's top folder::

    .venv/bin/python bench/chat.py [--clients 100,500,1000] [--duration 60] [--interval 5] [--quick]

``--quick`` (CI) runs 20 clients for 6 seconds, a message a second each, and does not judge the
latency goal: it shows that the sockets still connect, deliver and store under production
settings.
"""

import argparse
import asyncio
import gc
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import PYTHON, ROOT, free_port, manage, redis_command, stop_server, throwaway_secrets  # noqa: E402

DAPHNE = str(Path(PYTHON).parent / "daphne")
GOAL_P95_MS = 100
GOAL_CLIENTS = 1000
#: Seconds between the last socket opened and the first message timed.
SETTLE_SECONDS = 3
TOKEN = re.compile(r"bench-(\d+)-(\d+)-(\d+)-(\d+\.\d+)")

SETUP = """
import json, time
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.workflow.factories import (
    ApplicationFactory, StaffMembershipFactory, TerritoryFactory, association_covering, set_state,
)
from conversations.services import conversation_of_file
from workflow.applicant_session import SESSION_KEY as APPLICANT_KEY

now = int(time.time())
territory = TerritoryFactory(department=True)
association = association_covering(territory)
pairs = []
for n in range({pairs}):
    application = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
    conversation = conversation_of_file(application)
    advisor = StaffMembershipFactory(organisation=association).user
    device = TOTPDevice.objects.create(user=advisor, name="bench", confirmed=True)
    staff = SessionStore()
    staff.update({{
        SESSION_KEY: str(advisor.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: advisor.get_session_auth_hash(), DEVICE_ID_SESSION_KEY: device.persistent_id,
        "_started_at": now, "_last_seen_at": now,
    }})
    staff.create()
    person = SessionStore()
    person.update({{APPLICANT_KEY: {{"person_id": application.person_id}}, "_started_at": now, "_last_seen_at": now}})
    person.create()
    pairs.append({{"conversation": conversation.pk, "sessions": [person.session_key, staff.session_key]}})
print("PAIRS " + json.dumps(pairs))
"""

COUNT = """
from conversations.models import Message
print("STORED", Message.objects.filter(body__startswith="bench-").count())
"""


def shell(env: dict, code: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    if done.returncode:
        sys.exit(f"manage.py shell failed:\n{done.stdout[-3000:]}{done.stderr[-5000:]}")
    return done.stdout


def postgres_database(name: str, *, drop: bool = False) -> str | None:
    """A throw-away database on 127.0.0.1:5432 (user postgres), or None when PostgreSQL does not answer."""
    if not shutil.which("psql"):
        return None
    base = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qc"]
    try:
        subprocess.run([*base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True, capture_output=True)
        if not drop:
            subprocess.run([*base, f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError):
        return None
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def start_server(env: dict, log: Path, server: str, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    if server == "daphne":
        cmd = [DAPHNE, "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"]
    else:
        # As scripts/sockets.sh starts it: a process per core, each with its own socket on the port.
        cmd = [PYTHON, "-m", "config.sockets", "--host", "127.0.0.1", "--port", str(port)]
        cmd += ["--workers", str(workers), "--log-level", "warning"]
    with log.open("ab") as out:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env={**env, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}"}, stdout=out, stderr=subprocess.STDOUT
        )
    import http.client

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"daphne exited with {proc.returncode}:\n{log.read_text()[-5000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health/")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            pass
        time.sleep(0.25)
    stop_server(proc)
    raise RuntimeError(f"/health/ did not answer 200 within 60 s:\n{log.read_text()[-5000:]}")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


async def run_clients(port: int, pairs: list[dict], clients: int, duration: float, interval: float) -> dict:
    import websockets

    latencies: list[float] = []
    stored: list[float] = []  # from sending to the server's "sent" (the message is stored)
    sending: dict[str, float] = {}
    timeline: list[tuple[float, float]] = []
    activity = [time.monotonic()]  # when a socket last received anything
    received: dict[tuple[int, int], int] = {}
    sent: list[tuple[int, int]] = []
    errors: list[str] = []
    stop_at = time.monotonic() + duration

    async def client(number: int, conversation: int, session: str, peer: int, ready: asyncio.Event, started):
        url = f"ws://127.0.0.1:{port}/ws/conversations/{conversation}/?after=0&lang=fr"
        headers = {"Cookie": f"sessionid={session}", "Origin": f"http://127.0.0.1:{port}"}
        # The server keeps each socket alive with its pings; the clients answer them and send none.
        async with websockets.connect(
            url, additional_headers=headers, max_queue=None, open_timeout=120, ping_interval=None
        ) as socket:

            async def reader():
                try:
                    await read()
                finally:
                    ready.set()  # a socket closed before it was ready fails its sending, counted

            async def read():
                async for raw in socket:
                    activity[0] = time.monotonic()
                    data = json.loads(raw)
                    if data.get("type") == "ready":
                        ready.set()  # the server has sent this socket everything it holds
                    if data.get("type") == "sent" and data.get("client_id") in sending:
                        stored.append((time.time() - sending.pop(data["client_id"])) * 1000)
                    if data.get("type") == "error":
                        errors.append(data.get("error", ""))
                    if data.get("type") != "message":
                        continue
                    found = TOKEN.search(data["html"])
                    # A message of this run (an earlier run's come with the catch-up) by the peer.
                    if found and int(found.group(1)) == clients and int(found.group(2)) == peer:
                        key = (peer, int(found.group(3)))
                        received[key] = received.get(key, 0) + 1
                        if received[key] == 1:
                            latencies.append((time.time() - float(found.group(4))) * 1000)
                            timeline.append((float(found.group(4)), latencies[-1]))

            task = asyncio.create_task(reader())
            await started.wait()
            # Each client starts at its own moment of the interval, as people do (drawn at
            # random, the same from one run to the next), not in synchronised batches.
            await asyncio.sleep(random.Random(number).uniform(0, interval))
            sequence = 0
            while time.monotonic() < stop_at:
                body = f"bench-{clients}-{number}-{sequence}-{time.time():.6f}"
                reference = str(uuid.uuid4())
                sending[reference] = time.time()
                await socket.send(json.dumps({"type": "send", "body": body, "client_id": reference}))
                sent.append((number, sequence))
                sequence += 1
                await asyncio.sleep(interval)
            await asyncio.sleep(3)  # the last messages' way back
            task.cancel()

    started = asyncio.Event()
    readies, tasks = [], []
    for index in range(clients // 2):
        pair = pairs[index]
        for side in (0, 1):
            number = index * 2 + side
            ready = asyncio.Event()
            readies.append(ready)
            tasks.append(
                asyncio.create_task(
                    client(number, pair["conversation"], pair["sessions"][side], number ^ 1, ready, started)
                )
            )
    await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in readies)), timeout=300)
    # Every socket is open and has been sent what it holds (the earlier runs' messages, then
    # "ready"); the timed sending starts once nothing has arrived for SETTLE_SECONDS.
    deadline = time.monotonic() + 300
    while time.monotonic() - activity[0] < SETTLE_SECONDS and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    stop_at = time.monotonic() + duration
    # The thousand sockets' objects stay for the run: kept out of the measuring process's garbage
    # collections, whose pauses would otherwise be counted as the server's delay.
    gc.freeze()
    started.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    failures = [repr(result) for result in results if isinstance(result, BaseException)]
    if os.environ.get("BENCH_TIMELINE"):
        first = min(t for t, _ in timeline)
        for second in range(0, int(duration) + 1, 2):
            window = [lat for t, lat in timeline if second <= t - first < second + 2]
            print(f"  t={second:>3}s n={len(window)} p50={percentile(window, 50):.0f} max={max(window, default=0):.0f}")
    lost = sum(1 for key in sent if key not in received)
    duplicated = sum(count - 1 for count in received.values() if count > 1)
    return {
        "clients": clients,
        "sent": len(sent),
        "delivered": sum(received.values()),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "stored_p50_ms": round(percentile(stored, 50), 1),
        "stored_p95_ms": round(percentile(stored, 95), 1),
        "lost": lost,
        "duplicated": duplicated,
        "refused": len(errors),
        "client_failures": len(failures),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="100,500,1000", help="numbers of clients, comma-separated (even)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of sending per run (default 60)")
    parser.add_argument("--interval", type=float, default=5, help="seconds between a client's messages (default 5)")
    parser.add_argument("--quick", action="store_true", help="20 clients, 6 s, a message a second; goal not judged")
    parser.add_argument("--server", choices=["uvicorn", "daphne"], default="uvicorn")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn's processes (default 2)")
    parser.add_argument(
        "--memory-layer", action="store_true", help="the in-process channel layer instead of Redis (one server process)"
    )
    args = parser.parse_args()
    if args.quick:
        args.clients, args.duration, args.interval = "20", 6, 1
    counts = sorted({int(n) // 2 * 2 for n in args.clients.split(",") if n.strip()})
    tmp = Path(tempfile.mkdtemp(prefix="weshare-chat-bench-"))
    database_name = f"weshare_bench_chat_{os.getpid()}"
    made_database = False
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WESHARE_VAR_DIR": str(tmp / "var"),
            # Each client sends up to one message a second in --quick.
            "CONVERSATION_MESSAGES_PER_MINUTE": "100",
            **throwaway_secrets(),
        }
        if not env.get("DATABASE_URL"):
            url = postgres_database(database_name)
            if url:
                env["DATABASE_URL"], made_database = url, True
        if args.memory_layer:
            env["REDIS_URL"] = ""
        elif not env.get("REDIS_URL") and redis_command(b"SELECT 14\r\nFLUSHDB\r\n", 2):
            env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
        database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
        layer = f"Redis publish/subscribe ({env['REDIS_URL']})" if env.get("REDIS_URL") else "process memory"
        server = f"uvicorn, {args.workers} processes" if args.server == "uvicorn" else "Daphne, one process"
        print(f"database: {database}; channel layer: {layer}; server: {server}")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        pairs = json.loads(shell(env, SETUP.format(pairs=max(counts) // 2)).split("PAIRS ", 1)[1])
        proc, port = start_server(env, tmp / "daphne.log", args.server, args.workers)
        runs = []
        try:
            for clients in counts:
                try:
                    result = asyncio.run(run_clients(port, pairs, clients, args.duration, args.interval))
                except Exception:
                    log = (tmp / "daphne.log").read_text()
                    start = log.find("Traceback")
                    print(log[start : start + 6000] if start >= 0 else log[-6000:])
                    raise
                runs.append(result)
                print(
                    f"{clients:>5} clients: {result['sent']} sent, {result['delivered']} delivered, "
                    f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms "
                    f"(stored: p50 {result['stored_p50_ms']} ms, p95 {result['stored_p95_ms']} ms), "
                    f"lost {result['lost']}, duplicated {result['duplicated']}, refused {result['refused']}, "
                    f"client failures {result['client_failures']}"
                )
        finally:
            stop_server(proc)
        stored = int(shell(env, COUNT).split("STORED", 1)[1].strip())
        print(f"messages stored: {stored} of {sum(run['sent'] for run in runs)} sent")
    finally:
        if made_database:
            postgres_database(database_name, drop=True)
        shutil.rmtree(tmp, ignore_errors=True)

    largest = runs[-1]
    ok = all(run["lost"] == 0 and run["duplicated"] == 0 and run["client_failures"] == 0 for run in runs)
    ok = ok and stored == sum(run["sent"] for run in runs)
    if args.quick:
        print("goal not judged in --quick mode")
    elif largest["clients"] >= GOAL_CLIENTS:
        met = ok and largest["p95_ms"] < GOAL_P95_MS
        print(
            f"goal ({GOAL_CLIENTS} clients: nothing lost or duplicated, p95 < {GOAL_P95_MS} ms): {'met' if met else 'NOT met'}"
        )
    print(json.dumps({**largest, "stored": stored, "runs": runs}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
