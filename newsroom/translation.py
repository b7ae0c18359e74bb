"""django-modeltranslation registrations: which record fields exist once per language."""

from modeltranslation.translator import TranslationOptions, register

from newsroom.models import Award, CertificationBody, Cluster, Label


@register(CertificationBody)
class CertificationBodyTranslationOptions(TranslationOptions):
    fields = ("name", "description", "city")


@register(Label)
class LabelTranslationOptions(TranslationOptions):
    fields = ("name", "benchmarking_areas")


@register(Cluster)
class ClusterTranslationOptions(TranslationOptions):
    fields = ("name", "description", "region", "city", "sector")


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("result_summary", "distinction")
