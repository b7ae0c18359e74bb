"""Guards in front of wagtail-localize's admin views, so they keep the project's rules.

wagtail-localize's actions (its URL names, `wagtail_localize:…`) and what stands in front:

- on a Translation (`translation_id`): edit a text or an override, download or upload a PO
  file, machine translate, preview, stop translating. Each is for those who may edit the
  translated page, refused with the admin's 403 page (newsroom.access) otherwise; a
  missing translation or page is a 404, never a 500. The PO upload is answered by the
  project's checked hand-off import (views.handoff.EditorUploadView) instead of
  wagtail-localize's, which stores texts with errors and answers 500 to an odd file.
- `submit_page_translation` ("Translate this page", optionally with its subtree): creates
  translated pages and re-saves existing ones; kept to those who may edit every existing
  page it would save and add pages where it would create them.
- `update_translations` ("Sync translated pages"): rewrites every translation's draft and
  view restrictions, so it is for those who may edit them all; with "publish immediately"
  it publishes them without their language's review, so then for those who may publish
  them all.
- `convert_to_alias`: copies the source's content onto the page, live at once when the
  page is live; for those who may publish it.
- `restart_translation` runs inside Wagtail's page editor (edit permission checked there);
  the report, the JavaScript catalog and the read-only snippet API change nothing.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.admin.localization import get_localized_response
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from newsroom.access import refused
from newsroom.translating.views.handoff import EditorUploadView

ALIAS_CONVERSION_VIEW = "wagtail_localize:convert_to_alias"
SYNC_VIEW = "wagtail_localize:update_translations"
SUBMIT_PAGE_VIEW = "wagtail_localize:submit_page_translation"
UPLOAD_VIEW = "wagtail_localize:upload_pofile"
TRANSLATION_VIEWS = {
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:edit_override",
    "wagtail_localize:download_pofile",
    UPLOAD_VIEW,
    "wagtail_localize:machine_translate",
    "wagtail_localize:preview_translation",
    "wagtail_localize:stop_translation",
}


class TranslationShortcutsNeedPublishPermission:
    """Keeps wagtail-localize's actions to the pages a user may edit (or publish, when the
    action publishes), as the module docstring lists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtail_localize":
            return None
        if not request.user.is_authenticated:
            return None  # Wagtail's admin sends them to sign in first.
        # In the user's admin language, as Wagtail's own views answer.
        return get_localized_response(self.guard, request, match, view_kwargs)

    def guard(self, request, match, view_kwargs):
        if match.view_name in TRANSLATION_VIEWS:
            return self.guard_translation(request, match.view_name, view_kwargs)
        if match.view_name == ALIAS_CONVERSION_VIEW:
            pages = Page.objects.filter(pk=view_kwargs.get("page_id"))
            return _unless_all(
                request,
                pages,
                "can_publish",
                _(
                    "Only someone who can publish this page can turn it into an alias of "
                    "its source."
                ),
            )
        if match.view_name == SYNC_VIEW and request.method == "POST":
            return self.guard_sync(request, view_kwargs)
        if match.view_name == SUBMIT_PAGE_VIEW and request.method == "POST":
            return self.guard_submit(request, view_kwargs)
        return None

    def guard_translation(self, request, view_name, view_kwargs):
        translation = Translation.objects.filter(pk=view_kwargs.get("translation_id")).first()
        if translation is None:
            raise Http404
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not isinstance(instance, Page):
            # Snippets: wagtail-localize checks the snippet model's permission itself.
            return None
        if not instance.permissions_for_user(request.user).can_edit():
            return refused(request, _("You do not have permission to translate this page."))
        if view_name == UPLOAD_VIEW:
            return EditorUploadView.as_view()(request, translation_id=translation.pk)
        return None

    def guard_sync(self, request, view_kwargs):
        source = TranslationSource.objects.filter(pk=view_kwargs.get("translation_source_id"))
        pages = _translated_pages(source.first())
        if request.POST.get("publish_translations"):
            return _unless_all(
                request,
                pages,
                "can_publish",
                _(
                    "Only someone who can publish every translation can publish them all at "
                    "once. Sync without publishing; each translation then goes through its "
                    "review."
                ),
            )
        return _unless_all(
            request,
            pages,
            "can_edit",
            _("Only someone who can edit every translation of this page can sync them."),
        )

    def guard_submit(self, request, view_kwargs):
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None or page.is_root():
            return None
        keys = [page.translation_key]
        if request.POST.get("include_subtree"):
            keys += list(page.get_descendants().values_list("translation_key", flat=True))
        locale_ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
        message = _(
            "You can only request translations into languages where you may add and edit pages."
        )
        for locale in Locale.objects.filter(pk__in=locale_ids):
            existing = Page.objects.filter(translation_key__in=keys, locale=locale)
            refusal = _unless_all(request, existing, "can_edit", message)
            if refusal is not None:
                return refusal
            parent = _nearest_translated_ancestor(page, locale)
            if parent is None or not parent.permissions_for_user(request.user).can_add_subpage():
                return refused(request, message)
        return None


def _unless_all(request, pages, permission, message):
    """The 403 page with `message`, unless the user has `permission` on every page."""
    for page in pages:
        if not getattr(page.permissions_for_user(request.user), permission)():
            return refused(request, message)
    return None


def _nearest_translated_ancestor(page, locale):
    """Where wagtail-localize puts a new translation of `page` in `locale` (it copies the
    missing parents under this one)."""
    for ancestor in page.get_ancestors().reverse():
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return translated
    return None


def _translated_pages(source):
    if source is None:
        return Page.objects.none()
    locales = source.translations.filter(enabled=True).values("target_locale_id")
    return Page.objects.filter(translation_key=source.object_id, locale_id__in=locales)
