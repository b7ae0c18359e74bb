import datetime

from django.db import migrations

# The translated fields as they stood when this migration was written: a migration must
# not follow later changes to newsroom/translation.py.
TRANSLATED_FIELDS = {
    "certificationbody": ("name", "description", "city"),
    "label": ("name", "benchmarking_areas"),
    "cluster": ("name", "description", "region", "city", "sector"),
    "award": ("result_summary", "distinction"),
}
LANGUAGES = ("pl", "en", "ru")


def stamp_existing_translations(apps, schema_editor):
    # Every existing text gets the same time, so no translation starts out as outdated:
    # nobody knows which language changed last before stamps existed.
    stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")
    for model_name, fields in TRANSLATED_FIELDS.items():
        model = apps.get_model("newsroom", model_name)
        names = [f"{field}_{code}" for field in fields for code in LANGUAGES]
        records = list(model._base_manager.only("pk", "translation_stamps", *names))
        for record in records:
            record.translation_stamps = {
                **dict.fromkeys((name for name in names if getattr(record, name)), stamp),
                **(record.translation_stamps or {}),
            }
        model._base_manager.bulk_update(records, ["translation_stamps"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_record_translation_stamps"),
    ]

    operations = [
        migrations.RunPython(stamp_existing_translations, migrations.RunPython.noop),
    ]
