"""Listings of records with a publication state, without a query per row."""

from django.db.models import Exists, OuterRef

from wagtail.models import Revision


def with_approved_schedule(queryset):
    """`queryset` of records with a publication state, each row saying whether a revision is
    scheduled: the live/draft column asks it, and (as Wagtail does for pages) the listing
    then runs no query per row."""
    # Each such record's `_revisions` relation is queried by its model name (award=…).
    scheduled = Revision.objects.filter(
        **{queryset.model._meta.model_name: OuterRef("pk")}, approved_go_live_at__isnull=False
    )
    return queryset.annotate(_approved_schedule=Exists(scheduled))
