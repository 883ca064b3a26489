"""Conventions: templates per country and language, rendering, signatures in order, verification."""
