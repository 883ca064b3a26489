"""The back office's oversight screens: each part registers its own hooks in its module."""

from . import dashboard_hooks, dossier_hooks, export_hooks, keyfigures_hooks, partner_hooks  # noqa: F401
