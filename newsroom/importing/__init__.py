"""The release importer: raw press release files (text or Markdown, any common encoding) into
draft releases with their facts, from `manage.py import_releases` or the admin screen.

- decoding.py, language.py, dates.py, markup.py, structure.py, facts.py, nominative.py:
  reading a file
- service.py: extract, correct, plan and save one release (both entry points use it)
- permissions.py: who may import what (pages, records, updates), for both entry points
- forms.py, views.py: the admin screen (upload, check the extracted facts, create drafts)

May import: newsroom.models and the leaves. Never newsroom.translating or newsroom.reading.
"""
