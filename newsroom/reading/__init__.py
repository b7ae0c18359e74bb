"""What readers get outside the page tree: search, sitemap.xml, robots.txt, SEO metadata
(canonical, hreflang, Open Graph, JSON-LD), the navigation every public page shows, and the
404 and 500 pages (`errors.py`).

The page types themselves, their routes and listing queries live in newsroom.models.

May import: newsroom.models and the leaves. Never the other capabilities.
"""
