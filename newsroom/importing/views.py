"""The admin's release import: upload files, review what was extracted, create drafts.

One screen, registered as the ImportViewSet (namespace `newsroom_import`).
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from newsroom.access import RefusesWithReason
from newsroom.importing.decoding import MAX_FILE_BYTES
from newsroom.importing.forms import ReleaseReviewFormSet, ReleaseUploadForm
from newsroom.importing.service import (
    ImportOutcome,
    apply_corrections,
    extract,
    import_release,
    reported_failures,
    save_release,
)

TEMPLATE = "newsroom/admin/import_releases.html"


def may_import(user):
    """Importing creates draft pages: it is for those who may add a page somewhere."""
    return PagePermissionPolicy().user_has_permission(user, "add")


class ImportReleasesView(RefusesWithReason, WagtailAdminTemplateMixin, TemplateView):
    """Upload files (GET, then POST), check the extracted facts, create drafts (POST "create")."""

    template_name = TEMPLATE
    page_title = gettext_lazy("Import releases")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("upload_form", ReleaseUploadForm())
        return context

    def check_permission(self):
        if not may_import(self.request.user):
            raise PermissionDenied(_("Importing releases creates pages, which you cannot add."))

    def get(self, request, *args, **kwargs):
        self.check_permission()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_permission()
        if request.POST.get("step") == "create":
            context = create_drafts(request)
        else:
            context = review_uploads(request)
        return self.render_to_response(self.get_context_data(**context))


def review_uploads(request):
    """Read each uploaded file (nothing is saved) and lay out its facts for checking."""
    upload_form = ReleaseUploadForm(request.POST, request.FILES)
    if not upload_form.is_valid():
        return {"upload_form": upload_form}
    language = upload_form.cleaned_data["language"] or None
    cluster = upload_form.cleaned_data["cluster"]
    initial, extractions, failures = [], [], []
    for upload in upload_form.cleaned_data["files"]:
        outcome = import_release(
            upload.read(MAX_FILE_BYTES + 1),
            upload.name,
            language=language,
            cluster_slug=cluster.slug if cluster else None,
            dry_run=True,
        )
        if outcome.status != "ok":
            failures.append(outcome)
            continue
        extraction = outcome.extraction
        extractions.append(extraction)
        initial.append(
            {
                "filename": upload.name,
                "source": extraction.text,
                "language": extraction.language,
                "title": extraction.parsed.title,
                "release_date": extraction.parsed.date,
                "lead": extraction.parsed.lead,
                "label_level": extraction.label_level or "",
                "cluster": extraction.cluster,
                "new_cluster_name": extraction.proposed_cluster_name or "",
            }
        )
    formset = ReleaseReviewFormSet(initial=initial)
    return {
        "formset": formset,
        "reviews": review_rows(formset, extractions),
        "failures": failures,
    }


def review_rows(formset, extractions=None):
    """Each form with the facts read from its text, for the side-by-side review.

    After an upload the extractions are at hand; when a corrected form comes back
    invalid, each text is read again.
    """
    rows = []
    for index, form in enumerate(formset):
        source = form["source"].value() or ""
        if extractions is not None:
            extraction = extractions[index]
        else:
            try:
                language = form["language"].value() or None
                extraction = extract(source.encode("utf-8"), language=language)
            except Exception:  # noqa: BLE001 - the form itself reports what is wrong
                extraction = None
        rows.append({"form": form, "source": source, "extraction": extraction})
    return rows


def create_drafts(request):
    """Save each checked and corrected file as a draft release."""
    formset = ReleaseReviewFormSet(request.POST)
    if not formset.is_valid():
        return {"formset": formset, "reviews": review_rows(formset)}
    results = []
    for form in formset:
        data = form.cleaned_data
        outcome = ImportOutcome(file=data["filename"])
        with reported_failures(outcome):
            outcome.extraction = extract(data["source"].encode("utf-8"), language=data["language"])
            apply_corrections(
                outcome.extraction,
                title=data["title"],
                date=data["release_date"],
                lead=data["lead"],
                language=data["language"],
                label_level=data["label_level"],
                cluster=data["cluster"],
                new_cluster_name=data["new_cluster_name"],
            )
            save_release(outcome, user=request.user)
        results.append(outcome)
    return {"results": results}


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


class ImportViewSet(ViewSet):
    name = "import_releases"
    url_prefix = "import-releases"
    url_namespace = "newsroom_import"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Import releases")
    icon = "upload"
    menu_order = 210
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", ImportReleasesView.as_view(), name="index")]
