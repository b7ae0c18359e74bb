"""Import one release file: extract its facts, then write or update a draft, atomically."""

import hashlib
import logging
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from anyascii import anyascii

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Locale

from newsroom.blocks import body_stream_data
from newsroom.importing import facts
from newsroom.importing.decoding import decode_release_bytes
from newsroom.importing.errors import ReleaseImportError
from newsroom.importing.language import detect_language
from newsroom.importing.structure import parse_release_text
from newsroom.languages import site_languages
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage, PressReleasePage
from newsroom.models.records import Award, Cluster

logger = logging.getLogger(__name__)
SLUG_LENGTH = 80


@dataclass
class Extraction:
    """Everything read from one file, before anything is written."""

    text: str
    parsed: object
    language: str
    label_level: str | None
    cluster: Cluster | None
    proposed_cluster_name: str | None
    label: object
    award: Award | None
    checksum: str

    @property
    def cluster_name(self):
        if self.cluster is None:
            return self.proposed_cluster_name
        return getattr(self.cluster, f"name_{self.language}", None) or self.cluster.name


@dataclass
class ImportOutcome:
    file: str
    status: str = "ok"
    error: str = ""
    extraction: Extraction | None = None
    page: PressReleasePage | None = None
    created: bool = False
    cluster_created: bool = False
    award_created: bool = False

    def as_json(self):
        data = {"file": self.file, "status": self.status, "error": self.error}
        extraction = self.extraction
        if extraction:
            parsed = extraction.parsed
            data |= {
                "language": extraction.language,
                "title": parsed.title,
                "date": parsed.date.isoformat(),
                "label_level": extraction.label_level,
                "cluster": extraction.cluster_name,
                "cluster_slug": extraction.cluster.slug if extraction.cluster else None,
                "list_items": parsed.list_items,
                "quotes": [{"speaker": q.speaker, "role": q.role} for q in parsed.quotes],
                "boilerplate": parsed.boilerplate,
            }
        data["page"] = admin_url(self.page) if self.page else None
        return data


def admin_url(page):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )


def text_checksum(text):
    normalized = "\n".join(
        line.strip() for line in unicodedata.normalize("NFC", text).strip().splitlines()
    )
    return hashlib.sha256(normalized.encode()).hexdigest()


def ascii_slug(text):
    return slugify(anyascii(text))[:SLUG_LENGTH].strip("-") or "release"


def extract(data, *, language=None, cluster_slug=None):
    """Read a file's bytes into an Extraction; ReleaseImportError says what is wrong."""
    text = decode_release_bytes(data)
    parsed = parse_release_text(text)
    if language and language not in site_languages():
        raise ReleaseImportError(
            _("Unknown language “%(language)s”: use one of %(choices)s.")
            % {"language": language, "choices": ", ".join(site_languages())}
        )
    language = language or detect_language(parsed.plain_text)
    if language not in site_languages():
        raise ReleaseImportError(
            _("The release's language could not be recognised: give it with --language.")
        )
    level = facts.detect_label_level(parsed)
    proposed = None
    if cluster_slug:
        cluster = Cluster.objects.filter(slug=cluster_slug).first()
        if cluster is None:
            raise ReleaseImportError(
                _("There is no cluster with the slug “%(slug)s”.") % {"slug": cluster_slug}
            )
    else:
        cluster = facts.match_cluster(parsed.headline_text) or facts.match_cluster(
            parsed.plain_text
        )
        if cluster is None:
            proposed = facts.propose_cluster_name(parsed.title, language)
            if not proposed:
                raise ReleaseImportError(
                    _("No cluster is named in the title; choose one with --cluster SLUG.")
                )
    label = facts.choose_label(level, parsed.plain_text)
    return Extraction(
        text=text,
        parsed=parsed,
        language=language,
        label_level=level,
        cluster=cluster,
        proposed_cluster_name=proposed,
        label=label,
        award=facts.find_award(cluster, label, parsed.date),
        checksum=text_checksum(text),
    )


def ensure_cluster(extraction, outcome):
    if extraction.cluster:
        return extraction.cluster
    name = extraction.proposed_cluster_name
    base_slug = ascii_slug(name)
    slug, n = base_slug, 1
    while Cluster.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    # A draft, like the release announcing it: it goes live when the release (or the
    # cluster page made for it) does.
    cluster = Cluster(slug=slug, live=False, **{f"name_{extraction.language}": name})
    cluster.save()
    # Its name exists in the release's language only: a draft need not be complete yet.
    cluster.save_revision(clean=False, log_action=True)
    outcome.cluster_created = True
    extraction.cluster = cluster
    return cluster


def ensure_cluster_page(cluster, locale, publish):
    page = ClusterNewsPage.objects.filter(cluster=cluster, locale=locale).first()
    if page:
        return page
    index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is None:
        raise ReleaseImportError(
            _("The %(language)s site has no news index page to put the release under.")
            % {"language": locale.language_code}
        )
    sibling = ClusterNewsPage.objects.filter(cluster=cluster).first()
    # The cluster's own name in the page's language, if it has one; else its shown name.
    own_name = build_localized_fieldname("name", locale.language_code)
    title = getattr(cluster, own_name, "") or cluster.name
    page = ClusterNewsPage(
        title=title,
        slug=unique_child_slug(index, ascii_slug(title)),
        cluster=cluster,
        locale=locale,
        live=False,
        **({"translation_key": sibling.translation_key} if sibling else {}),
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def unique_child_slug(parent, slug, exclude=None):
    taken = set(
        parent.get_children()
        .exclude(pk=getattr(exclude, "pk", None))
        .values_list("slug", flat=True)
    )
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug[: SLUG_LENGTH - 4]}-{n}"
    return candidate


def existing_release(extraction, locale):
    """The release this file made before: same text, or same language, date and title."""
    page = PressReleasePage.objects.filter(
        import_checksum=extraction.checksum, locale=locale
    ).first()
    if page:
        return page
    return PressReleasePage.objects.filter(
        locale=locale,
        release_date=extraction.parsed.date,
        slug__startswith=ascii_slug(extraction.parsed.title),
    ).first()


def ensure_award(extraction, cluster, outcome):
    if extraction.label is None:
        return None
    award = facts.find_award(cluster, extraction.label, extraction.parsed.date)
    if award is None:
        # A draft, like the release announcing it: it goes live when the release does.
        award = Award(
            cluster=cluster, label=extraction.label, awarded_on=extraction.parsed.date, live=False
        )
        award.save()
        award.save_revision(log_action=True)
        outcome.award_created = True
    return award


def write_release(extraction, outcome, *, publish=False, user=None):
    locale = Locale.objects.get(language_code=extraction.language)
    cluster = ensure_cluster(extraction, outcome)
    award = ensure_award(extraction, cluster, outcome)
    parent = ensure_cluster_page(cluster, locale, publish)
    parsed = extraction.parsed
    page = existing_release(extraction, locale)
    if page is None:
        page = PressReleasePage(locale=locale, live=False)
        page.slug = unique_child_slug(parent, ascii_slug(parsed.title))
        outcome.created = True
    else:
        page = page.get_latest_revision_as_object()
    page.title = parsed.title
    page.lead = parsed.lead
    page.release_date = parsed.date
    page.body = body_stream_data(parsed.blocks)
    page.import_checksum = extraction.checksum
    page.clusters = [cluster]
    page.awards = [award] if award else []
    if outcome.created:
        parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return page


@contextmanager
def reported_failures(outcome):
    """Turn one file's failure into its outcome's error, so a batch never stops on a traceback.

    Writes happen inside `transaction.atomic()`, so a failed file leaves nothing behind.
    """
    try:
        yield
    except ReleaseImportError as error:
        outcome.status, outcome.error = "error", str(error)
        outcome.page = None
    except Exception as error:  # noqa: BLE001 - the log keeps the details
        logger.exception("Importing %s failed", outcome.file)
        outcome.status = "error"
        outcome.error = _("The release could not be saved: %(error)s") % {"error": error}
        outcome.page = None


def save_release(outcome, *, publish=False, user=None):
    """Write the outcome's extraction as a release, atomically."""
    with transaction.atomic():
        outcome.page = write_release(outcome.extraction, outcome, publish=publish, user=user)


def import_release(
    data, name, *, language=None, cluster_slug=None, dry_run=False, publish=False, user=None
):
    """Import one file's bytes. Errors come back in the outcome; nothing is half-written."""
    outcome = ImportOutcome(file=name)
    with reported_failures(outcome):
        outcome.extraction = extract(data, language=language, cluster_slug=cluster_slug)
        if not dry_run:
            save_release(outcome, publish=publish, user=user)
    return outcome


def apply_corrections(
    extraction, *, title, date, lead, language, label_level, cluster, new_cluster_name
):
    """What a person corrected in the review form replaces what was extracted."""
    parsed = extraction.parsed
    parsed.title, parsed.date, parsed.lead = title, date, lead
    extraction.language = language
    extraction.label_level = label_level or None
    extraction.label = facts.choose_label(extraction.label_level, parsed.plain_text)
    extraction.cluster = cluster
    extraction.proposed_cluster_name = None if cluster else new_cluster_name
    return extraction
