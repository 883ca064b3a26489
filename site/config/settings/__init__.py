"""Settings per environment: ``base`` (production-safe defaults), ``dev``, ``test`` and ``production``."""
