"""Structured records: the facts that press releases announce.

Each record is stored once; its human-language fields (name, description, …) are
translated field by field with django-modeltranslation (see newsroom/translation.py;
change times in newsroom/models/stamps.py),
so every page, in any locale, renders the same facts in the reader's language.
"""

import datetime

from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from taggit.models import TagBase
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin

from newsroom.formatting import country_choices, country_name, language_name
from newsroom.languages import default_language, record_languages, record_source_language
from newsroom.models.stamps import TranslationStampedModel
from newsroom.models.texts import text_in
from newsroom.slugs import ascii_slug


def _country_choices():
    # A callable so the admin lists countries in the editor's language.
    return country_choices(get_language() or default_language())


class PublishedRecordMixin:
    """What a record with a publication state (an award, a cluster's public profile) adds to
    Wagtail's mixins: publishing with its page, a listing's annotation, previews per language.

    Like a page, a live record's row is what readers see; an edit of a live record is a
    revision until someone publishes it. Previews render the component readers get, in one
    language at a time, with the record's texts in that language only.
    """

    preview_template = None

    @property
    def revisions(self):
        return self._revisions

    @property
    def approved_schedule(self):
        # As Wagtail's Page: a listing annotates `_approved_schedule` to spare a query a row.
        if hasattr(self, "_approved_schedule"):
            return self._approved_schedule
        return super().approved_schedule

    def go_live(self, user=None):
        """Publish the record as last edited: the page making it public has gone live.

        The page's publisher may not hold the record's own publish permission; publishing
        the page is what makes the record public, so that permission is not asked for.
        """
        revision = self.latest_revision or self.save_revision(user=user, log_action=False)
        revision.publish(user=user, skip_permission_checks=True)

    @property
    def preview_modes(self):
        # One mode per language, named in itself so each translator finds theirs.
        return [(code, language_name(code)) for code in record_languages()]

    @property
    def default_preview_mode(self):
        return record_source_language()

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "preview_language": mode_name}

    def serve_preview(self, request, mode_name):
        if mode_name not in record_languages():
            mode_name = self.default_preview_mode
        # Rendered inside the override: the response is lazy, and UI strings, Babel formats
        # and the record texts (own_text, record_name) follow the active language.
        with translation.override(mode_name):
            response = TemplateResponse(
                request,
                self.get_preview_template(request, mode_name),
                self.get_preview_context(request, mode_name),
            )
            response.render()
        return response


class CertificationBody(TranslationStampedModel):
    """An organisation that awards labels (ESCA, a national ministry, …)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, choices=_country_choices)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("certification body")
        verbose_name_plural = _("certification bodies")
        ordering = ["acronym", "slug"]

    def __str__(self):
        return self.acronym or self.name

    def country_name(self, language_code=None):
        return country_name(self.country, language_code or get_language())


class Label(TranslationStampedModel):
    """A label or status a body awards: an ESCA Silver label, national key cluster status."""

    class Level(models.TextChoices):
        BRONZE = "bronze", _("Bronze")
        SILVER = "silver", _("Silver")
        GOLD = "gold", _("Gold")
        STATUS = "status", _("Status")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    body = models.ForeignKey(
        CertificationBody,
        verbose_name=_("awarding body"),
        on_delete=models.PROTECT,
        related_name="labels",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name"), max_length=255)
    validity_months = models.PositiveSmallIntegerField(
        _("validity in months"),
        null=True,
        blank=True,
        help_text=_("Leave empty for open-ended statuses."),
    )
    indicators_assessed = models.PositiveSmallIntegerField(
        _("number of indicators assessed"), null=True, blank=True
    )
    benchmarking_areas = models.TextField(
        _("benchmarking areas"), blank=True, help_text=_("One area per line.")
    )

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["body__acronym", "level", "slug"]

    def __str__(self):
        return self.name


class Cluster(
    PublishedRecordMixin,
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslationStampedModel,
):
    """A cluster organisation whose certification news we publish.

    Its public profile (names, description, facts) has a publication state, like a page: a
    cluster the importer proposes is a draft, on no public surface, until the first release
    announcing it or the cluster page filed for it goes live (`publish_records_with_page`),
    or someone allowed to publishes it. Editing a live cluster saves a draft revision; readers
    keep the live version until it is published. Clusters made in code are live by default.
    """

    preview_template = "newsroom/previews/cluster.html"

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Optional: a cluster proposed by the importer starts without one.
    country = models.CharField(_("country"), max_length=2, blank=True, choices=_country_choices)
    region = models.CharField(_("region"), max_length=150, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=150, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    website = models.URLField(_("website"), blank=True)
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cluster")

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "cluster": self}

    def country_name(self, language_code=None):
        return country_name(self.country, language_code or get_language())


class AwardQuerySet(models.QuerySet):
    def with_status(self, status, today=None):
        """Filter by computed status (active, expiring, expired) as of `today`."""
        today = today or timezone.localdate()
        soon = today + datetime.timedelta(days=settings.NEWSROOM_EXPIRING_WITHIN_DAYS)
        if status == Award.Status.EXPIRED:
            return self.filter(valid_until__lt=today)
        if status == Award.Status.EXPIRING:
            return self.filter(valid_until__gte=today, valid_until__lte=soon)
        if status == Award.Status.ACTIVE:
            return self.filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=soon))
        return self.none()


class Award(
    PublishedRecordMixin,
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslationStampedModel,
):
    """A cluster received a label on a date, valid until a date, after an audit.

    An award has a publication state, like a page: one made for a release that is not yet
    public (imported with its draft, or entered while the release is embargoed) is a draft,
    shown on no public page, until its release goes live (`PressReleasePage.publish`) or
    someone allowed to publishes it on its own. Awards made in code are live by default.
    """

    preview_template = "newsroom/previews/award.html"

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRING = "expiring", _("Expiring")
        EXPIRED = "expired", _("Expired")

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="awards"
    )
    label = models.ForeignKey(
        Label, verbose_name=_("label"), on_delete=models.PROTECT, related_name="awards"
    )
    awarded_on = models.DateField(_("date awarded"))
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the label's validity."),
    )
    audit_started_on = models.DateField(_("audit started"), null=True, blank=True)
    audit_ended_on = models.DateField(_("audit ended"), null=True, blank=True)
    indicators_assessed = models.PositiveSmallIntegerField(
        _("indicators assessed"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the label's number of indicators."),
    )
    result_summary = models.TextField(_("result summary"), blank=True)
    distinction = models.CharField(_("distinction"), max_length=255, blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="award")

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-awarded_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "label", "awarded_on"], name="unique_award_per_day"
            )
        ]

    def __str__(self):
        return f"{self.cluster} – {self.label} ({self.awarded_on:%Y-%m-%d})"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        # As the release page shows it: "renewed in …" when a later live award followed.
        context["award"] = note_renewals([self])[0]
        return context

    def save(self, *args, **kwargs):
        if self.valid_until is None:
            self.valid_until = self.default_valid_until()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.valid_until and self.awarded_on and self.valid_until < self.awarded_on:
            errors["valid_until"] = _("The award cannot expire before it was awarded.")
        if (
            self.audit_started_on
            and self.audit_ended_on
            and self.audit_ended_on < self.audit_started_on
        ):
            errors["audit_ended_on"] = _("The audit cannot end before it started.")
        if errors:
            raise ValidationError(errors)

    def default_valid_until(self):
        """The awarded date plus the label's validity; None for open-ended statuses."""
        months = self.label.validity_months if self.label_id else None
        if not months or not self.awarded_on:
            return None
        return self.awarded_on + relativedelta(months=months)

    @property
    def indicator_count(self):
        return self.indicators_assessed or self.label.indicators_assessed

    def status_on(self, date):
        if self.valid_until is None:
            return self.Status.ACTIVE
        if self.valid_until < date:
            return self.Status.EXPIRED
        if (self.valid_until - date).days <= settings.NEWSROOM_EXPIRING_WITHIN_DAYS:
            return self.Status.EXPIRING
        return self.Status.ACTIVE

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    def get_status_display(self):
        return self.Status(self.status).label


class ReleaseTag(TranslationStampedModel, TagBase):
    """A tag of press releases: one concept, named in each language it has a name in.

    taggit's `name` and `slug` are the tag as an editor first typed it (what the release
    editor's tag field matches and autocompletes); readers see `label` in the page's
    language only, at an address of that language (`url_slugs`, one ASCII slug per
    language, transliterated from the label: newsroom.slugs). Translators name tags like
    other records.
    """

    label = models.CharField(_("name shown to readers"), max_length=100, blank=True)
    url_slugs = models.JSONField(
        _("addresses"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The tag's address in each language it has a name in."),
    )

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def save(self, *args, **kwargs):
        self.url_slugs = self.slugs_from_labels()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "url_slugs"}
        super().save(*args, **kwargs)

    def slugs_from_labels(self):
        """{language: slug} for the languages the tag has a name in, each unique in its
        language: a slug stays as it is while its label is unchanged."""
        slugs = {}
        others = ReleaseTag.objects.exclude(pk=self.pk) if self.pk else ReleaseTag.objects.all()
        for code in record_languages():
            base = ascii_slug(text_in(self, "label", code), code, max_length=90)
            if not base:
                continue
            old = (self.url_slugs or {}).get(code, "")
            if old == base or old.startswith(f"{base}-") and old[len(base) + 1 :].isdigit():
                slugs[code] = old
                continue
            taken = {
                slug
                for slug in others.filter(**{f"url_slugs__{code}__startswith": base}).values_list(
                    f"url_slugs__{code}", flat=True
                )
                if slug
            }
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            slugs[code] = slug
        return slugs

    def label_if_new(self, language_code):
        """A tag an editor has just typed on a page: named in that page's language, as typed,
        unless it already has a name in some language (then translators name it)."""
        if any(text_in(self, "label", code) for code in record_languages()):
            return
        setattr(self, build_localized_fieldname("label", language_code), self.name)
        self.save()


def note_renewals(awards):
    """Set `renewed_on` on each award: when the cluster next got a live award from the same
    body (a renewal, or a higher label), or None. One query for any number of awards."""
    awards = list(awards)
    for award in awards:
        award.renewed_on = None
    if not awards:
        return awards
    later = list(
        Award.objects.filter(
            live=True,
            cluster_id__in={award.cluster_id for award in awards},
            label__body_id__in={award.label.body_id for award in awards},
        )
        .order_by("awarded_on")
        .values_list("cluster_id", "label__body_id", "awarded_on")
    )
    for award in awards:
        award.renewed_on = next(
            (
                on
                for cluster_id, body_id, on in later
                if cluster_id == award.cluster_id
                and body_id == award.label.body_id
                and on > award.awarded_on
            ),
            None,
        )
    return awards
