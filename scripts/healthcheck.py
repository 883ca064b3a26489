"""Container health check: the web process answers /health/ (database and cache reachable)."""

import os
import sys
import urllib.request

url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/health/"
try:
    with urllib.request.urlopen(url, timeout=4) as response:  # noqa: S310 - fixed loopback URL.
        sys.exit(0 if response.status == 200 else 1)
except Exception:  # noqa: BLE001
    sys.exit(1)
