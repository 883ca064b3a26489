# syntax=docker/dockerfile:1
# WeShare production image: the same image runs the web server (default command) and the
# background worker (`python manage.py qcluster`). Configuration comes from the environment
# (DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, AWS_* for S3-compatible media, EMAIL_*).

FROM python:3.11-slim-bookworm AS build
WORKDIR /app
COPY scripts/install.sh scripts/install.sh
RUN scripts/install.sh system --build
COPY requirements.txt .
RUN scripts/install.sh python /opt/venv requirements.txt
COPY . .
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONPATH="/app/site:/app" \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    WESHARE_VAR_DIR=/app/var
RUN SECRET_KEY=collectstatic-only AUDIT_HMAC_KEY=collectstatic-only-placeholder-not-a-secret-0000 \
    python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm AS runtime
WORKDIR /app
COPY scripts/install.sh scripts/install.sh
RUN scripts/install.sh system \
    && groupadd --system --gid 10001 weshare \
    && useradd --system --uid 10001 --gid weshare --home-dir /app --no-create-home weshare
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=10001:10001 /app /app
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONPATH="/app/site:/app" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    WESHARE_VAR_DIR=/app/var \
    PORT=8000
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]
# Web: gunicorn on the configuration package under site/. Websockets: `scripts/sockets.sh`
# (uvicorn, routed /ws/ by the load balancer). Worker: `python manage.py qcluster`.
CMD ["scripts/web.sh"]
