"""Private documents and conventions.

Will own the applicants' supporting documents (encrypted storage, access log), the convention
templates and their versions, PDF rendering with WeasyPrint, the platform PKI and timestamp
authority, PAdES signing and verification with pyHanko. Empty until the conventions issue.
"""
