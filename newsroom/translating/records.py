"""Field-by-field translation of records: what is translated, what needs work, who edits what.

Polish is the source language of records: translators work from its text, so a field in
another language needs work when it is empty while the Polish one has text, or when it last
changed before the Polish one did (see TranslationStampedModel.translation_stamps).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.db.models.fields.json import KT
from django.db.models.lookups import LessThan
from django.utils.text import capfirst

from modeltranslation.utils import build_localized_fieldname

from newsroom.languages import record_languages, record_source_language, record_target_languages
from newsroom.models.publication import pending_version
from newsroom.models.stamps import (
    has_text,
    has_text_q,
    localized_field_names,
    parse_stamp,
    translated_fields,
)
from newsroom.models.texts import text_in
from newsroom.translating.choices import FieldStatus
from newsroom.translating.roles import EDITORIAL_GROUPS, group_name

# Membership in any of these groups narrows a user's record edits to the group's language.
LANGUAGE_ROLES = ("translators", "reviewers")


@dataclass(frozen=True)
class FieldTranslation:
    """One translated field of a record in one language, compared with the source."""

    field: str
    localized_name: str
    label: str
    status: str
    source_text: str
    source_changed_at: datetime | None
    changed_at: datetime | None

    @property
    def needs_work(self):
        return self.status != FieldStatus.UP_TO_DATE

    @property
    def status_label(self):
        return FieldStatus(self.status).label


def field_status(record, field, language_code):
    """The FieldStatus of `field` of `record` in `language_code`.

    A field whose source is empty has nothing to translate, so it is up to date. A field
    missing a stamp (written around save(), e.g. by a bulk update) cannot be shown to be
    older, so it is not reported as outdated.
    """
    source_name = build_localized_fieldname(field, record_source_language())
    localized_name = build_localized_fieldname(field, language_code)
    if language_code == record_source_language() or not has_text(getattr(record, source_name)):
        return FieldStatus.UP_TO_DATE
    if not has_text(getattr(record, localized_name)):
        return FieldStatus.EMPTY
    stamps = record.translation_stamps or {}
    source_stamp, stamp = stamps.get(source_name), stamps.get(localized_name)
    if source_stamp and stamp and stamp < source_stamp:
        return FieldStatus.OUTDATED
    return FieldStatus.UP_TO_DATE


def field_translations(record, language_code):
    """Every translated field of `record` in `language_code`, with its status."""
    stamps = record.translation_stamps or {}
    result = []
    for field in translated_fields(type(record)):
        source_name = build_localized_fieldname(field, record_source_language())
        localized_name = build_localized_fieldname(field, language_code)
        result.append(
            FieldTranslation(
                field=field,
                localized_name=localized_name,
                label=record._meta.get_field(field).verbose_name,
                status=field_status(record, field, language_code),
                source_text=getattr(record, source_name) or "",
                source_changed_at=parse_stamp(stamps.get(source_name)),
                changed_at=parse_stamp(stamps.get(localized_name)),
            )
        )
    return result


def fields_needing_work(record, language_code):
    return [item for item in field_translations(record, language_code) if item.needs_work]


def needs_work_q(model, language_code):
    """A filter for the records with at least one empty or outdated field in the language.

    Mirrors field_status() in SQL so listings filter without loading every record.
    """
    condition = Q(pk__in=[])
    if language_code == record_source_language():
        return condition
    for field in translated_fields(model):
        source_name = build_localized_fieldname(field, record_source_language())
        localized_name = build_localized_fieldname(field, language_code)
        empty = ~has_text_q(localized_name)
        outdated = LessThan(
            KT(f"translation_stamps__{localized_name}"), KT(f"translation_stamps__{source_name}")
        )
        condition |= has_text_q(source_name) & (empty | Q(outdated))
    return condition


@dataclass(frozen=True)
class RecordEditScope:
    """What a user may change on a record: the language-neutral facts, and which languages."""

    facts: bool
    languages: frozenset

    def may_edit_field(self, model, field_name):
        for code in record_languages():
            if field_name in localized_field_names(model, code):
                return code in self.languages
        return self.facts

    @property
    def is_restricted(self):
        return not self.facts


def record_edit_scope(user):
    """The edit scope of `user` on records.

    Superusers, Wagtail's Editors and Moderators, and users in no "Translators (xx)" or
    "Reviewers (xx)" group edit everything: a chief editor may also review a language.
    Any other member of those groups edits only their languages' fields: the facts and,
    unless it is one of their languages, the source language are read-only, since
    translators translate from them rather than write them.
    """
    everything = RecordEditScope(facts=True, languages=frozenset(record_languages()))
    if user is None or user.is_superuser:
        return everything
    # Cached on the user object, which lives for one request, so a listing asks only once.
    cached = getattr(user, "_record_edit_scope", None)
    if cached is not None:
        return cached
    member_of = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
    if member_of & set(EDITORIAL_GROUPS):
        user._record_edit_scope = everything
        return everything
    languages = frozenset(
        code
        for code in record_languages()
        if any(group_name(role, code) in member_of for role in LANGUAGE_ROLES)
    )
    scope = RecordEditScope(facts=False, languages=languages) if languages else everything
    user._record_edit_scope = scope
    return scope


def languages_to_report(user):
    """The target languages whose translation status `user` cares about in listings."""
    scope = record_edit_scope(user)
    if scope.is_restricted:
        return tuple(code for code in record_target_languages() if code in scope.languages)
    return record_target_languages()


class NamesRecordField:
    """How screens name a record's field: "Award: …" and "Distinction"."""

    @property
    def record_label(self):
        return f"{capfirst(self.record._meta.verbose_name)}: {self.record}"

    @property
    def field_label(self):
        return capfirst(self.record._meta.get_field(self.field).verbose_name)


@dataclass(frozen=True)
class ShownRecordText(NamesRecordField):
    """A record text a page shows, beside its source text; `text` is "" when the page's
    language has none (the page then leaves a description out, or marks a name as written
    in another language)."""

    record: object
    field: str
    source_text: str
    text: str

    @property
    def missing(self):
        return not self.text


# What a cluster page shows of its cluster (templates/components/cluster_facts.html).
CLUSTER_PROFILE_FIELDS = ("name", "description", "city", "region", "sector")


def timeline_of(cluster):
    """The live awards of a cluster page's award timeline."""
    return list(cluster.awards.filter(live=True).select_related("label").order_by("-awarded_on"))


def record_texts_shown_by(page, language_code):
    """Every translated record text `page` shows (release cards and lists: the names of its
    clusters, and of each announced award its cluster, label and awarding body, its result
    and distinction; the names of its tags; a cluster page: the cluster's profile and its
    award timeline), in page order, each once; texts without source text are left out.

    Texts are read as they will be once published (`pending_version`): a translation saved
    as a draft of a live record is what approving the page makes public."""
    awards = list(page.awards.all()) if hasattr(page, "awards") else []
    clusters = list(page.clusters.all()) if hasattr(page, "clusters") else []
    tags = list(page.tags.all()) if hasattr(page, "tags") else []
    wanted = [(cluster, "name") for cluster in clusters]
    for award in awards:
        wanted += [
            (award.cluster, "name"),
            (award.label, "name"),
            (award.label.body, "name"),
            (award, "result_summary"),
            (award, "distinction"),
        ]
    profile = getattr(page, "cluster", None)
    if profile is not None:
        # A cluster page: the cluster's profile, then its award timeline (live awards).
        wanted += [(profile, field) for field in CLUSTER_PROFILE_FIELDS]
        for award in timeline_of(profile):
            wanted += [(award.label, "name"), (award, "distinction")]
    wanted += [(tag, "label") for tag in tags]
    shown, seen = [], set()
    for record, field in wanted:
        key = (type(record), record.pk, field)
        if key in seen:
            continue
        seen.add(key)
        # As it will read once published: a translator's draft of a live record counts.
        version = pending_version(record)
        source_text = text_in(version, field, record_source_language())
        if source_text:
            shown.append(
                ShownRecordText(record, field, source_text, text_in(version, field, language_code))
            )
    return shown
