"""The app's models: structured records (records.py), page types (pages.py), and the
import screen's uploaded files waiting between its steps (batches.py).

Both modules, and what they need (stamps.py, listings.py), import only each other's
modules and the leaves; nothing in this package imports a capability package. Import a
model from the module that defines it (`from newsroom.models.records import Award`):
this file re-exports nothing, so no module in the package imports back into it.
NewsroomConfig.import_models loads the model modules when Django loads the app.
"""
