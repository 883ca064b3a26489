#!/usr/bin/env bash
# Serves the site and its background worker together; Ctrl-C stops both.
set -euo pipefail
python=${PYTHON:-.venv/bin/python}
port=${PORT:-8000}
"$python" manage.py qcluster &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT INT TERM
"$python" manage.py runserver "127.0.0.1:$port"
