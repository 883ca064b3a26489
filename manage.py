#!/usr/bin/env python
"""Django's command-line utility.

The project's configuration lives in ``site/config`` (``site`` itself is a standard-library
module name, so the folder is put on the path and ``config`` is the importable package).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from config.settings.env import settings_or_exit

    settings_or_exit()
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A secret a command needs (e.g. the PKI passphrase to open the stored keys): one line.
        sys.stderr.write(f"Configuration error: {exc}\n")
        raise SystemExit(1) from None
