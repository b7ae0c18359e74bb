"""Media contacts: the people journalists call about a cluster or a release.

A contact is personal data: it is shown only on the live, public pages it is attached to
(a cluster's page, a release), as a card with a vCard download, and on no other surface
(not in search, sitemaps, feeds or structured data).
"""

import contextlib
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from newsroom.languages import language_choices, site_languages
from newsroom.models.records import Cluster
from newsroom.models.stamps import TranslationStampedModel
from newsroom.models.texts import text_in


def normalise_phone(value):
    """'+48 12 000 00 00' → '+48120000000': a plus and 7–15 digits (E.164), else ValueError."""
    digits = re.sub(r"[\s().\-/]", "", value or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if not re.fullmatch(r"\+[1-9]\d{6,14}", digits):
        raise ValueError(value)
    return digits


def format_phone(value):
    """An E.164 number grouped for reading: '+48 120 000 000'."""
    if not value:
        return ""
    country = 2 if value.startswith(("+48", "+44", "+49", "+33", "+39", "+34", "+38")) else 1
    if value.startswith(("+7", "+1")):
        country = 1
    rest = value[1 + country :]
    groups = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return " ".join([value[: 1 + country], *groups])


def validate_phone(value):
    try:
        normalise_phone(value)
    except ValueError:
        raise ValidationError(
            _("Enter a phone number with its country code, e.g. +48 12 345 67 89."),
            code="invalid_phone",
        ) from None


class LanguagesField(models.CharField):
    """Site language codes, space-separated in one column; ticked boxes in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 50)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return value.split() if value else []

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [code for code in value if code]
        return value.split() if value else []

    def get_prep_value(self, value):
        if isinstance(value, (list, tuple)):
            return " ".join(code for code in site_languages() if code in value)
        return value or ""

    def validate(self, value, model_instance):
        unknown = set(value or []) - set(site_languages())
        if unknown:
            raise ValidationError(_("Choose languages of the site."), code="invalid_language")

    def run_validators(self, value):
        pass

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=language_choices(),
            required=not self.blank,
            label=self.verbose_name,
            widget=forms.CheckboxSelectMultiple,
            help_text=self.help_text,
        )


class MediaContact(TranslationStampedModel, ClusterableModel):
    """A person to contact about a cluster (and optionally a release)."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("With its country code, e.g. +48 12 345 67 89."),
    )
    languages = LanguagesField(_("languages spoken"))

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.phone:
            # A number it cannot read is left as typed: the field's validator reports it.
            with contextlib.suppress(ValueError):
                self.phone = normalise_phone(self.phone)

    def role_in(self, language_code):
        """The role written in `language_code`; "" (never another language's text)."""
        return text_in(self, "role", language_code)

    @property
    def phone_display(self):
        return format_phone(self.phone)


class ClusterMediaContact(Orderable):
    """A contact of a cluster, in the order the cluster's page lists them."""

    contact = ParentalKey(MediaContact, related_name="cluster_links", on_delete=models.CASCADE)
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), related_name="contact_links", on_delete=models.CASCADE
    )

    class Meta(Orderable.Meta):
        verbose_name = _("cluster")
        constraints = [
            models.UniqueConstraint(fields=["contact", "cluster"], name="unique_cluster_contact")
        ]


def contacts_of_cluster(cluster):
    """The cluster's contacts in its order: one query."""
    return list(
        MediaContact.objects.filter(cluster_links__cluster=cluster).order_by(
            "cluster_links__sort_order", "cluster_links__pk"
        )
    )


def shown_contacts_of_cluster(cluster):
    """What a cluster page shows: the contacts of `cluster` if it is live, else none."""
    if cluster is None or not cluster.live:
        return []
    return contacts_of_cluster(cluster)


def shown_contacts_of_release(release):
    """A release's own contacts (by name); without any, those of the live cluster whose page
    it is filed under, in the cluster's order. One query, whichever it shows."""
    through = MediaContact.press_releases.through
    cluster_page_path = release.path[: -release.steplen]
    contacts = (
        MediaContact.objects.annotate(
            own=Exists(
                through.objects.filter(pressreleasepage_id=release.pk, mediacontact=OuterRef("pk"))
            ),
            cluster_order=Subquery(
                ClusterMediaContact.objects.filter(
                    contact=OuterRef("pk"),
                    cluster__live=True,
                    cluster__news_pages__path=cluster_page_path,
                ).values("sort_order")[:1]
            ),
        )
        .filter(Q(own=True) | Q(cluster_order__isnull=False))
        .order_by("cluster_order", "name", "pk")
    )
    contacts = list(contacts)
    own = sorted((c for c in contacts if c.own), key=lambda c: (c.name, c.pk))
    return own or contacts
