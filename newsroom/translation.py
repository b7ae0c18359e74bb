"""django-modeltranslation registrations: which record fields exist once per language."""

from modeltranslation.translator import TranslationOptions, register

from newsroom.languages import record_source_language
from newsroom.models.contacts import MediaContact
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag

# A record needs its name in the source language (Polish); other languages may be
# filled later by translators, and readers meanwhile see the fallback.
NAME_REQUIRED = {record_source_language(): ("name",), "default": ()}


@register(CertificationBody)
class CertificationBodyTranslationOptions(TranslationOptions):
    fields = ("name", "description", "city")
    required_languages = NAME_REQUIRED


@register(Label)
class LabelTranslationOptions(TranslationOptions):
    fields = ("name", "benchmarking_areas")
    required_languages = NAME_REQUIRED


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("name", "description", "region", "city", "sector")
    required_languages = NAME_REQUIRED


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("result_summary", "distinction")


@register(ReleaseTag)
class ReleaseTagTranslationOptions(TranslationOptions):
    # A tag may be named in any language first: the one of the page it was typed on.
    fields = ("label",)


@register(MediaContact)
class MediaContactTranslationOptions(TranslationOptions):
    fields = ("role",)
