"""`manage.py checkterms`: the catalogs and the demo copy against the termbase."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom import terminology
from newsroom.languages import site_languages


class Command(BaseCommand):
    help = "Lists the forbidden terms (locale/termbase.tbx) the catalogs and the demo copy use."

    def add_arguments(self, parser):
        parser.add_argument("--locale-dir", default=str(Path(settings.BASE_DIR) / "locale"))
        parser.add_argument("--no-demo", dest="demo", action="store_false")

    def handle(self, *args, locale_dir, demo, **options):
        findings = []
        for language in site_languages():
            catalog = Path(locale_dir) / language / "LC_MESSAGES" / "django.po"
            if catalog.exists():
                findings += terminology.catalog_findings(catalog, language)
        if demo:
            from newsroom.demo import content

            for name in dir(content):
                if name.isupper():
                    data = getattr(content, name)
                    texts = terminology.language_texts(data, site_languages(), name)
                    for language, where, text in texts:
                        if language:
                            findings += terminology.forbidden_in(text, language, where)
        for finding in findings:
            self.stdout.write(str(finding))
        if findings:
            raise CommandError(f"{len(findings)} forbidden term(s) found; see locale/termbase.tbx.")
        self.stdout.write("The catalogs and the demo copy use no forbidden term.")
