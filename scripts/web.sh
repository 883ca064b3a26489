#!/bin/sh
# Web process of the production image: gunicorn on the configuration package under site/.
exec gunicorn --pythonpath site config.wsgi:application \
    --bind "0.0.0.0:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --access-logfile - \
    --forwarded-allow-ips '*'
