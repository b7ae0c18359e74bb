"""What readers get outside the page tree: search, sitemap.xml, robots.txt, SEO metadata
(canonical, hreflang, Open Graph, JSON-LD) and the navigation every public page shows.

The page types themselves, their routes and listing queries live in newsroom.models.

May import: newsroom.models and the leaves. Never the other capabilities.
"""
