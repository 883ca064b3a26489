"""The public site: Wagtail page types and blocks, per-country sections, the page cache, the API v2."""
