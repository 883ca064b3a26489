"""`make run` (scripts/serve-dev.sh) stops the server and the worker, and what they started, on
Ctrl-C and on SIGTERM, and links printed in PDFs lead to the address it serves. A fake Python
stands for manage.py: each of runserver and qcluster starts a child and records both ids."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "serve-dev.sh"
FAKE_PYTHON = """#!/usr/bin/env bash
[ "$2" = "$DEAF" ] && trap '' TERM
echo "$2 $$ $PUBLIC_BASE_URL" >> "$LOG"
sleep 300 &
echo "$2-child $!" >> "$LOG"
wait
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return status.exists() and status.read_text().split()[2] != "Z"


def _wait_until(condition, seconds=10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def deaf():
    """Which fake process ignores SIGTERM (none by default)."""
    return ""


@pytest.fixture
def served(tmp_path, deaf):
    fake = tmp_path / "python"
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    log = tmp_path / "log"
    env = {"PATH": os.environ["PATH"], "PYTHON": str(fake), "PORT": "8765", "LOG": str(log), "DEAF": deaf}
    env["STOP_GRACE"] = "1"
    script = subprocess.Popen(
        ["bash", str(SCRIPT)], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert _wait_until(lambda: log.exists() and len(log.read_text().splitlines()) == 4), "both did not start"
    yield script, [line.split() for line in log.read_text().splitlines()]
    if script.poll() is None:
        script.kill()
        script.wait()


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_server_the_worker_and_their_children(served, sent):
    script, started = served

    script.send_signal(sent)
    script.wait(timeout=10)

    pids = [int(fields[1]) for fields in started]
    assert _wait_until(lambda: not any(_alive(pid) for pid in pids)), [p for p in pids if _alive(p)]
    assert script.returncode in (130, 143)


def test_links_in_pdfs_lead_to_the_address_served(served):
    _script, started = served

    urls = {fields[2] for fields in started if len(fields) == 3}
    assert urls == {"http://127.0.0.1:8765"}


def test_the_worker_stopping_stops_the_server_too(served):
    script, started = served
    worker = next(int(fields[1]) for fields in started if fields[0] == "qcluster")

    os.kill(worker, signal.SIGKILL)
    script.wait(timeout=10)

    assert _wait_until(lambda: not any(_alive(int(fields[1])) for fields in started))


@pytest.mark.parametrize("deaf", ["qcluster"])
def test_a_worker_deaf_to_sigterm_is_killed_after_the_grace_period(served):
    script, started = served

    script.send_signal(signal.SIGTERM)
    script.wait(timeout=10)

    assert _wait_until(lambda: not any(_alive(int(fields[1])) for fields in started))
