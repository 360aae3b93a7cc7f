"""Cache headers of the static files WhiteNoise serves in production.

A file whose name carries its content's hash (``ManifestStaticFilesStorage``: ``portal.3f2a9c1b.css``) never changes
under that name: a new version is a new name, which the pages link to. WhiteNoise marks such files immutable for ten
years; here it is a year, the longest lifetime HTTP/1.1 let a server promise (RFC 2616, section 14.21), which every
cache honours.
Files without a hash keep WhiteNoise's short default (60 seconds).
"""

A_YEAR = 365 * 24 * 60 * 60


def a_year_for_hashed_files(headers, path, url):
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = f"max-age={A_YEAR}, public, immutable"
