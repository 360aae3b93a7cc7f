"""How the portal's content travels beyond its own pages: the sitemap and robots.txt for search engines, Atom feeds,
and what each page says about itself in its head (canonical address, hreflang, Open Graph, Twitter card, schema.org
JSON-LD).

It reads the content apps and is read by none of them: only the URL configuration and the base template use it (the
page cache names the feed by its URL name only).
"""
