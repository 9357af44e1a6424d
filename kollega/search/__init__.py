"""Search over people, communities and all content, on SQLite FTS5 or PostgreSQL full text.

Other apps use the Python interface in ``kollega.search.api_python`` (search, suggest,
text_match, Filters; documented there). It is a separate module because this package is
imported before Django's models are ready. How the index, access and ranking work:
docs/search.md.
"""
