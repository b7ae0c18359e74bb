"""Guards on third-party admin views that would otherwise skip review."""

from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from newsroom.access import refused

ALIAS_CONVERSION_VIEW = "wagtail_localize:convert_to_alias"
SYNC_VIEW = "wagtail_localize:update_translations"


class TranslationShortcutsNeedPublishPermission:
    """Two wagtail-localize actions publish translations without their language's review:

    - turning a translation into an alias copies the source's content onto the page, live
      at once when the page is live; wagtail-localize lets anyone who may edit it do so;
    - "Sync translated pages" with "publish immediately" publishes every translation of a
      source; wagtail-localize asks only for its submit permission, which editors have.

    Both are kept to those who may publish every page they would change. Syncing without
    publishing stays open: it only refreshes what translators translate from.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if match.view_name == ALIAS_CONVERSION_VIEW:
            pages = Page.objects.filter(pk=view_kwargs.get("page_id"))
            message = _(
                "Only someone who can publish this page can turn it into an alias of its source."
            )
        elif match.view_name == SYNC_VIEW and request.POST.get("publish_translations"):
            pages = _translated_pages(view_kwargs.get("translation_source_id"))
            message = _(
                "Only someone who can publish every translation can publish them all at once. "
                "Sync without publishing; each translation then goes through its review."
            )
        else:
            return None
        if all(page.permissions_for_user(request.user).can_publish() for page in pages):
            return None
        return refused(request, message)


def _translated_pages(translation_source_id):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        return Page.objects.none()
    locales = source.translations.filter(enabled=True).values("target_locale_id")
    return Page.objects.filter(translation_key=source.object_id, locale_id__in=locales)
