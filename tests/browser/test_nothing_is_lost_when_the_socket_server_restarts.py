"""The conversations' socket server is killed and started again, as a crash or a deployment
would: the page that reconnects receives what was written meanwhile, once and in order, and a
message sent again with its reference after the restart is not stored twice. The server is the
production one (uvicorn on ``config.asgi``), on the demo site's database."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import ROOT, _free_port
from .test_the_files_page_shows_the_next_action_without_a_reload import on_the_server

pytestmark = pytest.mark.clock(live=True)

A_SENT_FILE_AND_ITS_APPLICANT_SIGNED_IN = """
import json, time
from django.contrib.sessions.backends.db import SessionStore
from workflow.applicant_session import SESSION_KEY
from workflow.models import Territory
from tests.workflow.factories import ApplicationFactory, set_state
from conversations.services import conversation_of_file
territory = Territory.objects.filter(associations__memberships__user__username="advisor.gironde").first()
application = set_state(ApplicationFactory(territory=territory, country=territory.country), "submitted")
session = SessionStore()
now = int(time.time())
session.update({SESSION_KEY: {"person_id": application.person_id}, "_started_at": now, "_last_seen_at": now})
session.create()
print(json.dumps({"conversation": conversation_of_file(application).pk, "session": session.session_key}))
"""

THE_ADVISOR_WRITES = """
from django.contrib.auth import get_user_model
from conversations.services import message_send
advisor = get_user_model().objects.get(username="advisor.gironde")
for body in ("deux", "trois"):
    message_send(conversation_id={conversation}, body=body, user=advisor)
print("ok")
"""

THE_CONVERSATION = """
from conversations.models import Message
print("|".join(Message.objects.filter(conversation_id={conversation}).order_by("pk").values_list("body", flat=True)))
"""


def run(coroutine):
    """Run ``coroutine`` on its own loop, beside the browser's (which runs in this thread)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def start(site_server, port: int, log: Path) -> subprocess.Popen:
    env = {**site_server.env, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}"}
    uvicorn = str(Path(sys.executable).parent / "uvicorn")
    with log.open("ab") as out:
        server = subprocess.Popen(
            [uvicorn, "--host", "127.0.0.1", "--port", str(port), "--lifespan", "off", "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.3)


async def next_of(socket, kind: str, timeout: float = 5) -> dict:
    while True:
        data = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if data["type"] == kind:
            return data


async def quiet(socket, seconds: float = 0.5) -> list:
    """What else arrives in ``seconds``."""
    found = []
    try:
        while True:
            found.append(json.loads(await asyncio.wait_for(socket.recv(), seconds)))
    except TimeoutError:
        return found


def test_a_page_reconnecting_after_a_restart_gets_what_was_written_once_in_order(site_server, tmp_path):
    import websockets

    found = json.loads(on_the_server(site_server, A_SENT_FILE_AND_ITS_APPLICANT_SIGNED_IN))
    conversation = found["conversation"]
    port = _free_port()
    address = f"ws://127.0.0.1:{port}/ws/conversations/{conversation}/?lang=fr&after="
    headers = {"Cookie": f"sessionid={found['session']}", "Origin": f"http://127.0.0.1:{port}"}
    first_reference = str(uuid.uuid4())
    log = tmp_path / "sockets.log"

    async def before_the_crash():
        async with websockets.connect(address + "0", additional_headers=headers) as socket:
            await socket.send(json.dumps({"type": "send", "body": "un", "client_id": first_reference}))
            sent = await next_of(socket, "sent")
            shown = await next_of(socket, "message")
            assert shown["id"] == sent["id"]
            return sent["id"]

    async def after_the_restart(last_id: int):
        async with websockets.connect(address + str(last_id), additional_headers=headers) as socket:
            caught_up = [await next_of(socket, "message"), await next_of(socket, "message")]
            # The first message sent again (its answer was lost, say): the same one, not stored again.
            await socket.send(json.dumps({"type": "send", "body": "un", "client_id": first_reference}))
            resent = await next_of(socket, "sent")
            nothing_new = [data for data in await quiet(socket) if data["type"] == "message"]
            await socket.send(json.dumps({"type": "send", "body": "quatre", "client_id": str(uuid.uuid4())}))
            fourth = await next_of(socket, "message")
            return caught_up, resent, nothing_new, fourth

    server = start(site_server, port, log)
    try:
        first_id = run(before_the_crash())
        server.send_signal(signal.SIGKILL)  # no goodbye to anyone
        server.wait(timeout=10)
        assert on_the_server(site_server, THE_ADVISOR_WRITES.format(conversation=conversation)) == "ok"
        server = start(site_server, port, log)
        caught_up, resent, nothing_new, fourth = run(after_the_restart(first_id))
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGTERM)
            server.wait(timeout=10)

    assert ["deux" in payload["html"] for payload in caught_up] == [True, False]
    assert "trois" in caught_up[1]["html"]
    assert first_id < caught_up[0]["id"] < caught_up[1]["id"] < fourth["id"]
    assert resent["id"] == first_id and nothing_new == []
    assert "quatre" in fourth["html"]
    bodies = on_the_server(site_server, THE_CONVERSATION.format(conversation=conversation))
    assert bodies == "un|deux|trois|quatre"
