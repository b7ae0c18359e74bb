"""The translation workflow's admin screens, one module per screen, all served by the
`TranslationsViewSet` (viewset.py) under /admin/translations/.

- matrix.py: the release × language status matrix, its filters and spreadsheet export
- requests.py: requesting translations of the releases ticked in the matrix
- review.py: submitting a page for review, and the reviewer's screen
- scheduling.py: publishing a release and its translations together
- changes.py: what changed in the source of an outdated translation, and the sync
- handoff.py: the PO/XLIFF hand-off screen, its downloads and the import
- dashboard.py: Wagtail's two review panels on the admin's home, the newest rows only
- base.py: what every screen shares (the permission check, breadcrumbs, the way back)

Each view has `newsroom.access.RefusesWithReason` first among its bases and only turns
HTTP into calls of the domain modules in newsroom.translating and back; who may do what
is newsroom.translating.permissions.
"""
