"""Throughput and latency of the public pages, served the way production serves them.

What it measures: the demo site (``manage.py load_demo``) under ``config.settings.production``
(DEBUG off, whitenoise manifest storage, SSL redirect on) behind gunicorn with 2 sync workers on
loopback, on a throw-away SQLite database (or on ``DATABASE_URL`` when set). The cache is Redis
(db 15 of 127.0.0.1:6379, flushed before each run) when ``REDIS_URL`` is unset and Redis answers,
``REDIS_URL`` when set, process memory otherwise. Eight pages are loaded one after the other (home,
a content page, the news index and an article, in French and English), each by 10 concurrent
clients for a bounded time, twice: with the full-page cache the production settings use
(``PAGE_CACHE_SECONDS=600``) and with it off (``0``). The client is wrk (Debian's package, with a
Lua script for the figures) or, when wrk is missing, a Python client with 10 keep-alive threads.
Every request carries ``X-Forwarded-Proto: https``, as the load balancer would add.

It prints requests per second and p50/p95/p99 latency per page and mode, then the goals (cached:
every page p95 < 50 ms; uncached: home page, French and English, >= 120 rps, four times Wagtail's
bakerydemo home page measured the same way on this machine, about 30 rps) and, as its very last
line, one JSON object ``{"pages": {"home_fr": {"rps": …, "p95_ms": …, …}, …}}``.
It exits non-zero when any response was not 2xx or any request failed. The secrets the
production settings require are made up for the run.

Run from the repository's top folder::

    .venv/bin/python bench/pages.py [--duration 5] [--quick]

``--quick`` (CI) warms each page up with two requests, loads it for one second and does not judge
the goals: it shows that the site still builds and serves under the production settings;
setting up the site (migrations, demo, static files) takes most of its time.
"""

import argparse
import http.client
import json
import math
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn") if (VENV_BIN / "gunicorn").exists() else shutil.which("gunicorn") or "gunicorn"
WRK = shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)
HEADERS = {"X-Forwarded-Proto": "https"}
CONNECTIONS = 10
MODES = (("cache", 600), ("nocache", 0))
GOAL_P95_MS = 50
GOAL_HOME_RPS = 120  # 4 x bakerydemo's home page, about 30 rps measured the same way
PAGE_TYPES = {
    "content": "cms_pages.StandardPage",
    "news": "cms_pages.NewsIndexPage",
    "article": "cms_pages.NewsArticlePage",
}
LANGS = ("fr", "en")
FIGURES = ("rps", "p50_ms", "p95_ms", "p99_ms")

WRK_SCRIPT = """
wrk.headers["X-Forwarded-Proto"] = "https"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body) if status < 200 or status > 299 then non2xx = non2xx + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %d, "duration_us": %d, "p50_us": %.1f, "p95_us": %.1f, "p99_us": %.1f, '
    .. '"non2xx": %d, "status": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    bad, e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def throwaway_secrets() -> dict[str, str]:
    """The secrets the production settings require, made up for this run's throw-away site."""
    from cryptography.fernet import Fernet

    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "AUDIT_HMAC_KEY": secrets.token_urlsafe(48),
        "PKI_KEY_PASSPHRASE": secrets.token_urlsafe(48),
        "DOCUMENTS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_command(commands: bytes, replies: int) -> bool:
    """Send inline Redis commands to 127.0.0.1:6379; True when every reply is +OK/+PONG."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(commands)
            data = b""
            while data.count(b"\r\n") < replies:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return False
    lines = data.split(b"\r\n")[:replies]
    return len(lines) == replies and all(line in (b"+OK", b"+PONG") for line in lines)


def get(port: int, path: str, timeout: float = 30) -> tuple[int, http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=HEADERS)
        resp = conn.getresponse()
        return resp.status, resp, resp.read()
    finally:
        conn.close()


def manage(env: dict, *args: str) -> None:
    started = time.monotonic()
    proc = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-5000:]}")
    print(f"manage.py {' '.join(args)}: ok in {time.monotonic() - started:.1f} s")


def start_server(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [GUNICORN, "--pythonpath", "site", "config.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}"]
    cmd.append("--no-control-socket")  # Leave ~/.gunicorn/gunicorn.ctl to any other gunicorn running here.
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}:\n{log.read_text()[-5000:]}")
        try:
            if get(port, "/health/", timeout=5)[0] == 200:
                return proc, port
        except OSError:
            pass
        time.sleep(0.25)
    stop_server(proc)
    raise RuntimeError(f"/health/ did not answer 200 within 60 s:\n{log.read_text()[-5000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def discover(port: int) -> dict[str, str]:
    """The eight pages' paths: /fr/ and /en/, then the first page of each type per locale (API v2)."""
    urls = {}
    for kind in ("home", *PAGE_TYPES):
        for lang in LANGS:
            if kind == "home":
                urls[f"home_{lang}"] = f"/{lang}/"
                continue
            status, _, body = get(port, f"/api/v2/pages/?type={PAGE_TYPES[kind]}&locale={lang}&fields=_,html_url")
            items = json.loads(body).get("items", []) if status == 200 else []
            if not items:
                raise RuntimeError(f"API: no {PAGE_TYPES[kind]} in locale {lang} (HTTP {status}): {body[:300]!r}")
            urls[f"{kind}_{lang}"] = quote(urlsplit(items[0]["meta"]["html_url"]).path, safe="/%")
    return urls


def run_wrk(port: int, path: str, duration: int, script: Path) -> dict:
    cmd = [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "-H", "X-Forwarded-Proto: https"]
    proc = subprocess.run(
        [*cmd, "-s", str(script), f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    match = re.search(r"^BENCH (\{.*\})$", proc.stdout, re.MULTILINE)
    if proc.returncode or not match:
        raise RuntimeError(f"wrk failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    raw = json.loads(match.group(1))
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        **{f"p{p}_ms": raw[f"p{p}_us"] / 1000 for p in (50, 95, 99)},
        "non2xx": max(raw["non2xx"], raw["status"]),
        "errors": errors,
    }


def run_python(port: int, path: str, duration: int) -> dict:
    """Fallback client: CONNECTIONS threads with keep-alive connections, for `duration` seconds."""
    latencies, counts, lock = [], {"non2xx": 0, "errors": 0}, threading.Lock()
    deadline = time.monotonic() + duration

    def client():
        conn, mine, bad, errors = http.client.HTTPConnection("127.0.0.1", port, timeout=10), [], 0, 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=HEADERS)
                resp = conn.getresponse()
                resp.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                continue
            mine.append(time.perf_counter() - started)
            bad += not 200 <= resp.status < 300
        conn.close()
        with lock:
            latencies.extend(mine)
            counts["non2xx"] += bad
            counts["errors"] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 30)
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return latencies[max(0, math.ceil(p / 100 * len(latencies)) - 1)] * 1000 if latencies else float("nan")

    return {"rps": len(latencies) / elapsed, **{f"p{p}_ms": pct(p) for p in (50, 95, 99)}, **counts}


def run_mode(
    mode: str, seconds: int, env: dict, tmp: Path, duration: int, redis_flush: bool, warm_ups: int = 8
) -> dict:
    if redis_flush and not redis_command(b"SELECT 15\r\nFLUSHDB\r\n", 2):
        raise RuntimeError("could not flush Redis db 15")
    proc, port = start_server({**env, "PAGE_CACHE_SECONDS": str(seconds)}, tmp / f"gunicorn-{mode}.log")
    try:
        urls = discover(port)
        results = {}
        for name, path in urls.items():
            status, resp, body = get(port, path)
            state = resp.getheader("X-Page-Cache", "-")
            if status != 200:  # Reported and counted as a failure; the other pages are still loaded.
                print(f"  [{mode}] {name:<11} {path:<52} HTTP {status} before the load: not loaded")
                results[name] = {"path": path, **dict.fromkeys(FIGURES), "non2xx": 1, "errors": 0}
                continue
            for _ in range(warm_ups):  # Renditions, fragments, the page cache of both workers.
                get(port, path)
            state += "→" + (get(port, path)[1].getheader("X-Page-Cache") or "-")
            print(f"  [{mode}] {name:<11} {path:<52} 200, {len(body)} bytes, X-Page-Cache {state}")
            if WRK:
                results[name] = run_wrk(port, path, duration, tmp / "bench.lua")
            else:
                results[name] = run_python(port, path, duration)
            results[name]["path"] = path
        return results
    finally:
        stop_server(proc)
        log = (tmp / f"gunicorn-{mode}.log").read_text(errors="replace")
        if "Traceback" in log or " ERROR " in log or "[CRITICAL]" in log:
            print(f"  [{mode}] gunicorn log shows errors; its end:\n{log[-3000:]}")


def print_table(mode: str, results: dict) -> None:
    print(f"\n{mode}: {CONNECTIONS} clients, gunicorn 2 workers")
    print(
        f"{'page':<11} {'path':<52} {'rps':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'errors':>7}"
    )
    for name, r in results.items():
        figures = " ".join(f"{r[key]:>8.1f}" if r[key] is not None else f"{'-':>8}" for key in FIGURES)
        print(f"{name:<11} {r['path']:<52} {figures} {r['non2xx']:>8} {r['errors']:>7}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page and mode (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="one second per page and mode, two warm-up requests; goals not judged"
    )
    args = parser.parse_args()
    if args.quick:
        args.duration = 1
    tmp = Path(tempfile.mkdtemp(prefix="weshare-bench-"))
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WESHARE_VAR_DIR": str(tmp / "var"),
            **throwaway_secrets(),
        }
        redis_flush = False
        if not env.get("REDIS_URL") and redis_command(b"PING\r\n", 1):
            env["REDIS_URL"], redis_flush = "redis://127.0.0.1:6379/15", True
        cache = f"Redis ({env['REDIS_URL']})" if env.get("REDIS_URL") else "process memory (locmem, per worker)"
        database = "DATABASE_URL" if env.get("DATABASE_URL") else f"SQLite in {tmp / 'var'}"
        print(f"database: {database}; cache: {cache}; client: {WRK or 'Python threads (wrk not found)'}")
        (tmp / "bench.lua").write_text(WRK_SCRIPT)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        results = {}
        for mode, seconds in MODES:
            print(f"\n{mode} run: PAGE_CACHE_SECONDS={seconds}, {args.duration} s per page")
            try:
                warm_ups = 2 if args.quick else 8
                results[mode] = run_mode(mode, seconds, env, tmp, args.duration, redis_flush, warm_ups)
            except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                print(f"{mode} run failed: {exc}")
                return 1
        for mode, _ in MODES:
            print_table(mode, results[mode])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    cached, uncached = results["cache"], results["nocache"]
    if args.quick:
        print("goals not judged: quick run")
    else:
        slow = [name for name, r in cached.items() if r["p95_ms"] is None or not r["p95_ms"] < GOAL_P95_MS]
        print(
            f"goal cached p95 < {GOAL_P95_MS} ms on every page: {'met' if not slow else 'NOT met: ' + ', '.join(slow)}"
        )
        for name in ("home_fr", "home_en"):
            rps = uncached[name]["rps"] or 0.0
            met = "met" if rps >= GOAL_HOME_RPS else "NOT met"
            print(f"goal {name} nocache rps >= {GOAL_HOME_RPS} (4 x bakerydemo's home, ~30 rps): {met} ({rps:.1f})")
    failures = [(m, n, r) for m, res in results.items() for n, r in res.items() if r["non2xx"] or r["errors"]]
    for mode, name, r in failures:
        print(f"FAILED requests: {mode} {name} {r['path']}: {r['non2xx']} non-2xx, {r['errors']} errors")
    pages = {
        name: {
            f"{key}{suffix}": None if results[mode][name][key] is None else round(results[mode][name][key], 1)
            for mode, suffix in (("cache", ""), ("nocache", "_nocache"))
            for key in ("rps", "p95_ms", "p50_ms", "p99_ms")
        }
        for name in cached
    }
    print(json.dumps({"pages": pages}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
