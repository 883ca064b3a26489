"""Private documents and conventions.

Owns the applicants' supporting documents (checked by content, encrypted at rest, every opening
logged), the retention and erasure of closed files, the convention templates and their
versions, PDF rendering with WeasyPrint (``conventions/``), the platform PKI and timestamp
authority, PAdES signing and verification with pyHanko.
"""
