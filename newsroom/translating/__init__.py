"""The translation workflow, for pages and records.

- families.py: a page and its translations, which one is the source, when each goes live
- choices.py: the workflow's vocabularies (TextChoices)
- status.py: the release × language status matrix
- requests.py, review.py, scheduling.py: request a translation, review it, publish together
- changes.py: what changed in a source since it was frozen for translation
- handoff.py: PO and XLIFF 1.2 files for translators outside the admin
- notifications.py: emails to translators, and Wagtail's workflow emails, each in its
  recipient's language; signals.py connects them
- roles.py, permissions.py: per-language groups, workflows, and who may do what
- records.py: field-by-field translation of records
- record_work.py: the translators' work list on records, chosen, counted and paged in SQL
- guards.py: middleware closing wagtail-localize's shortcuts around review
- views/: the admin screens, one module per screen, registered as one ViewSet

May import: newsroom.models and the leaves. Never newsroom.importing or newsroom.reading.
"""
