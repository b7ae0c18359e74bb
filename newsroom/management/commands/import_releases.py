import json
from pathlib import Path

from tqdm import tqdm

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsroom.importing.decoding import MAX_FILE_BYTES
from newsroom.importing.permissions import may_import
from newsroom.importing.service import ImportOutcome, import_release
from newsroom.languages import site_languages

PROGRESS_FROM = 5  # files; a bar for one or two files is noise


class Command(BaseCommand):
    help = (
        "Import press releases from text or Markdown files as drafts: title, date, lead, "
        "body, label level, cluster and award are read from each file."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, or folders of .txt/.md files")
        parser.add_argument(
            "--language",
            choices=site_languages(),
            help="the files' language (detected when not given)",
        )
        parser.add_argument("--cluster", metavar="SLUG", help="the cluster every file is about")
        parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
        parser.add_argument(
            "--publish", action="store_true", help="publish instead of saving drafts"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=(
                "import as this admin user, with their rights: only where they may add pages, "
                "new clusters and awards only if they may add them, updates only of releases "
                "they may edit (without it the command runs as the system, with every right)"
            ),
        )

    def handle(self, *args, **options):
        user = self.importing_user(options["user"])
        files = list(self.expand(options["paths"]))
        as_json = options["format"] == "json"
        failed = 0
        progress = tqdm(
            files, unit="file", disable=len(files) < PROGRESS_FROM, file=self.stderr._out
        )
        for path in progress:
            try:
                data = self.read(path)
            except OSError as error:
                outcome = ImportOutcome(
                    file=str(path),
                    status="error",
                    error=f"The file cannot be read: {error.strerror}.",
                )
            else:
                outcome = import_release(
                    data,
                    str(path),
                    language=options["language"],
                    cluster_slug=options["cluster"],
                    dry_run=options["dry_run"],
                    publish=options["publish"],
                    user=user,
                )
            failed += outcome.status != "ok"
            if as_json:
                self.stdout.write(json.dumps(outcome.as_json(), ensure_ascii=False))
            else:
                self.report(outcome, options["dry_run"])
        if failed:
            raise CommandError(
                f"{failed} of {len(files)} files could not be imported.", returncode=1
            )

    def importing_user(self, username):
        if username is None:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user “{username}”.")
        if not may_import(user):
            raise CommandError(f"{username} may not add pages anywhere, so may not import.")
        return user

    def expand(self, paths):
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                yield from sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in {".txt", ".md", ".markdown"}
                )
            else:
                yield path

    def read(self, path):
        with open(path, "rb") as handle:
            # One byte past the limit is enough to know a file is too large.
            return handle.read(MAX_FILE_BYTES + 1)

    def report(self, outcome, dry_run):
        if outcome.status != "ok":
            self.stdout.write(self.style.ERROR(f"✗ {outcome.file}: {outcome.error}"))
            return
        data = outcome.as_json()
        action = "would import" if dry_run else ("created" if outcome.created else "updated")
        self.stdout.write(self.style.SUCCESS(f"✓ {outcome.file}: {action} “{data['title']}”"))
        quotes = ", ".join(q["speaker"] for q in data["quotes"]) or "none"
        self.stdout.write(
            f"    {data['language']} · {data['date']} · level {data['label_level'] or '?'} · "
            f"cluster {data['cluster']}{' (new)' if outcome.cluster_created else ''} · "
            f"{data['list_items']} list items · quotes: {quotes}"
        )
        if data["page"]:
            self.stdout.write(f"    {data['page']}")
