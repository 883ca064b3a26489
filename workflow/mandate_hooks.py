"""Wagtail hooks of this part (imported by the app's wagtail_hooks.py)."""
