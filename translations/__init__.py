"""Languages of the platform.

Owns the locales of the public site, the wagtail-localize set-up, the translator groups (one per
language, restricted to that language's page tree), the gettext catalogues under ``locale/`` and
the language switcher with its ``hreflang`` alternates.
"""
