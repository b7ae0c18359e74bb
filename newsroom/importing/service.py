"""Import one release file: extract its facts, then write or update a draft, atomically."""

import hashlib
import logging
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Locale

from newsroom.blocks import body_stream_data
from newsroom.importing import facts
from newsroom.importing.decoding import decode_release_bytes
from newsroom.importing.errors import ReleaseImportError
from newsroom.importing.language import detect_language
from newsroom.importing.permissions import import_refusal
from newsroom.importing.structure import parse_release_text
from newsroom.languages import site_languages
from newsroom.models.page_slugs import reserved_slugs_below
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage, PressReleasePage
from newsroom.models.records import Award, Cluster
from newsroom.slugs import SLUG_LENGTH
from newsroom.slugs import ascii_slug as slug_in_language

logger = logging.getLogger(__name__)


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


def ascii_slug(text, language):
    """The site's slug of `text` written in `language` (newsroom.slugs), never empty."""
    return slug_in_language(text, language) or "release"


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
    base_slug = ascii_slug(name, extraction.language)
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
    index = news_index(locale)
    sibling = ClusterNewsPage.objects.filter(cluster=cluster).first()
    # The cluster's own name in the page's language, if it has one; else its shown name.
    own_name = build_localized_fieldname("name", locale.language_code)
    title = getattr(cluster, own_name, "") or cluster.name
    page = ClusterNewsPage(
        title=title,
        slug=unique_child_slug(index, ascii_slug(title, locale.language_code)),
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
    # The words the parent routes itself are no slug for a child (models/page_slugs.py).
    taken = reserved_slugs_below(parent) | set(
        parent.get_children()
        .exclude(pk=getattr(exclude, "pk", None))
        .values_list("slug", flat=True)
    )
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug[: SLUG_LENGTH - 4]}-{n}"
    return candidate


@dataclass
class ImportPlan:
    """What writing one extraction would touch, worked out before anything is written, so
    the permission policy (permissions.py) can refuse a file whole."""

    locale: Locale
    cluster: Cluster | None  # None: a new cluster would be created
    cluster_name: str
    label: object
    award: Award | None
    parent: object  # the cluster's page, or the news index its page would be added under
    release: PressReleasePage | None  # None: a new release would be created

    @property
    def creates_cluster(self):
        return self.cluster is None

    @property
    def creates_award(self):
        return self.label is not None and self.award is None


def news_index(locale):
    index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is None:
        raise ReleaseImportError(
            _("The %(language)s site has no news index page to put the release under.")
            % {"language": locale.language_code}
        )
    return index


def checksum_release(extraction):
    """The release made from this very file before (same normalised text), or None."""
    return PressReleasePage.objects.filter(
        import_checksum=extraction.checksum, locale__language_code=extraction.language
    ).first()


def release_candidates(language, cluster, checksum=None):
    """The releases a file may update: the same language and cluster, or the same file."""
    if not language:
        return PressReleasePage.objects.none()
    in_language = Q(locale__language_code=language)
    same = Q(clusters=cluster) if cluster is not None else Q(pk__in=[])
    if checksum:
        same |= Q(import_checksum=checksum)
    return (
        PressReleasePage.objects.filter(in_language & same)
        .distinct()
        .order_by("-release_date", "title")
    )


def plan_release(extraction, *, release=None, match_checksum=True):
    """Where the extraction would go. It updates `release` when one is chosen (it must be
    in the file's language and cluster, or come from the same file), else the release
    this same file made before when `match_checksum`; otherwise it makes a new one."""
    locale = Locale.objects.get(language_code=extraction.language)
    cluster = extraction.cluster
    if release is not None:
        candidates = release_candidates(extraction.language, cluster, extraction.checksum)
        if not candidates.filter(pk=release.pk).exists():
            raise ReleaseImportError(
                _("The chosen release is not in this file's language and cluster.")
            )
    elif match_checksum:
        release = checksum_release(extraction)
    parent = None
    if release is None:
        parent = (
            ClusterNewsPage.objects.filter(cluster=cluster, locale=locale).first()
            if cluster is not None
            else None
        ) or news_index(locale)
    return ImportPlan(
        locale=locale,
        cluster=cluster,
        cluster_name=extraction.cluster_name,
        label=extraction.label,
        award=facts.find_award(cluster, extraction.label, extraction.parsed.date),
        parent=parent,
        release=release,
    )


def check_release(extraction, *, user, release=None, match_checksum=True, publish=False):
    """The plan for the extraction, if `user` may carry it out; else ReleaseImportError
    saying why. `user=None` is the system (`manage.py import_releases` without --user)."""
    plan = plan_release(extraction, release=release, match_checksum=match_checksum)
    if user is not None:
        refusal = import_refusal(user, plan, publish=publish)
        if refusal:
            raise ReleaseImportError(refusal)
    return plan


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


def write_release(
    extraction, outcome, *, publish=False, user=None, release=None, match_checksum=True
):
    plan = check_release(
        extraction, user=user, release=release, match_checksum=match_checksum, publish=publish
    )
    cluster = ensure_cluster(extraction, outcome)
    award = ensure_award(extraction, cluster, outcome)
    parsed = extraction.parsed
    page = plan.release
    if page is None:
        parent = ensure_cluster_page(cluster, plan.locale, publish)
        page = PressReleasePage(locale=plan.locale, live=False)
        page.slug = unique_child_slug(parent, ascii_slug(parsed.title, plan.locale.language_code))
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


def save_release(outcome, *, publish=False, user=None, release=None, match_checksum=True):
    """Write the outcome's extraction as a release, atomically; as `user`, only what the
    import policy lets them (permissions.py), else nothing."""
    with transaction.atomic():
        outcome.page = write_release(
            outcome.extraction,
            outcome,
            publish=publish,
            user=user,
            release=release,
            match_checksum=match_checksum,
        )


def import_release(
    data, name, *, language=None, cluster_slug=None, dry_run=False, publish=False, user=None
):
    """Import one file's bytes. Errors come back in the outcome; nothing is half-written."""
    outcome = ImportOutcome(file=name)
    with reported_failures(outcome):
        outcome.extraction = extract(data, language=language, cluster_slug=cluster_slug)
        if dry_run:
            check_release(outcome.extraction, user=user, publish=publish)
        else:
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
