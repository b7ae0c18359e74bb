"""The records' admin: snippet viewsets, edit panels and listing filters for certification
bodies, labels, clusters and awards.

May import: newsroom.translating (record translation status and edit limits), newsroom.models,
the leaves. Imported only by the wiring (wagtail_hooks).
"""
