#!/usr/bin/env bash
# Serves the site and its background worker together; Ctrl-C or SIGTERM stops both, and the
# script returns only once both have exited.
set -euo pipefail
python=${PYTHON:-.venv/bin/python}
port=${PORT:-8000}
# Links printed in PDFs (the convention's QR code, the CRLs) must lead back to this server.
export PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-http://127.0.0.1:$port}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-$PUBLIC_BASE_URL}

# Each child leads its own process group (job control), so that stopping it also stops what it
# started: runserver's reloader child, qcluster's worker processes.
set -m
pids=()
stopping=0
# Seconds a process has to stop after SIGTERM (the worker finishes its task) before SIGKILL.
grace=${STOP_GRACE:-10}
stop() {
    [ "$stopping" = 1 ] && return
    stopping=1
    trap '' INT TERM
    for pid in "${pids[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    local waited=0
    while [ "$waited" -lt $((grace * 10)) ]; do
        local running=0
        for pid in "${pids[@]}"; do
            kill -0 -- "-$pid" 2>/dev/null && running=1
        done
        [ "$running" = 0 ] && break
        sleep 0.1
        waited=$((waited + 1))
    done
    for pid in "${pids[@]}"; do
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop' EXIT

"$python" manage.py qcluster &
pids+=($!)
"$python" manage.py runserver "127.0.0.1:$port" &
pids+=($!)
echo "Serving $PUBLIC_BASE_URL (Ctrl-C stops the server and the worker)."
# Returns as soon as either stops; the EXIT trap then stops the other.
wait -n "${pids[@]}" || true
