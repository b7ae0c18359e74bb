"""Tag addresses in ASCII: each tag's `url_slugs` transliterated from its label in each
language (newsroom.slugs.ascii_slug), as ReleaseTag.save now makes them. The old Unicode
addresses answer with a permanent redirect (NewsIndexPage.tag_releases)."""

from django.db import migrations

from newsroom.slugs import ascii_slug


def transliterate_tag_addresses(apps, schema_editor):
    ReleaseTag = apps.get_model("newsroom", "ReleaseTag")
    taken = {}  # language -> slugs given so far
    for tag in ReleaseTag.objects.order_by("pk"):
        slugs = {}
        for code in tag.url_slugs or {}:
            base = ascii_slug(getattr(tag, f"label_{code}", "") or "", code, max_length=90)
            if not base:
                continue
            slug, n = base, 1
            while slug in taken.setdefault(code, set()):
                n += 1
                slug = f"{base}-{n}"
            taken[code].add(slug)
            slugs[code] = slug
        if slugs != tag.url_slugs:
            ReleaseTag.objects.filter(pk=tag.pk).update(url_slugs=slugs)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0010_release_newest_first")]

    operations = [
        migrations.RunPython(transliterate_tag_addresses, migrations.RunPython.noop),
    ]
