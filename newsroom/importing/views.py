"""The admin's release import: upload files, review what was extracted, create drafts.

One screen, registered as the ImportViewSet (namespace `newsroom_import`). The uploaded
texts wait on the server between the two steps (models.batches.ImportBatch); who may
import what is permissions.py's to say, for this screen and the command alike.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from newsroom.access import RefusesWithReason
from newsroom.importing.decoding import MAX_FILE_BYTES
from newsroom.importing.errors import ReleaseImportError
from newsroom.importing.forms import ReleaseReviewFormSet, ReleaseUploadForm
from newsroom.importing.permissions import editable_releases, may_import, may_update_release
from newsroom.importing.service import (
    ImportOutcome,
    apply_corrections,
    check_release,
    checksum_release,
    extract,
    release_candidates,
    reported_failures,
    save_release,
)
from newsroom.models.batches import ImportBatch
from newsroom.models.pages import PressReleasePage

TEMPLATE = "newsroom/admin/import_releases.html"


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


def refusal_of(extraction, user, release):
    """Why `user` may not import the extraction as it stands, or ""."""
    try:
        check_release(extraction, user=user, release=release, match_checksum=False)
    except ReleaseImportError as error:
        return str(error)
    return ""


def review_uploads(request):
    """Read each uploaded file, keep the texts in a batch, lay out its facts for checking.

    Nothing but the batch is saved; each file the user may not import as read says why.
    """
    upload_form = ReleaseUploadForm(request.POST, request.FILES)
    if not upload_form.is_valid():
        return {"upload_form": upload_form}
    language = upload_form.cleaned_data["language"] or None
    cluster = upload_form.cleaned_data["cluster"]
    user = request.user
    extractions, failures, names = [], [], []
    for upload in upload_form.cleaned_data["files"]:
        outcome = ImportOutcome(file=upload.name)
        with reported_failures(outcome):
            outcome.extraction = extract(
                upload.read(MAX_FILE_BYTES + 1),
                language=language,
                cluster_slug=cluster.slug if cluster else None,
            )
        if outcome.status != "ok":
            failures.append(outcome)
            continue
        extractions.append(outcome.extraction)
        names.append(upload.name)
    if not extractions:
        return {"failures": failures}
    batch = ImportBatch.start(
        user, [(name, extraction.text) for name, extraction in zip(names, extractions, strict=True)]
    )
    initial = []
    for extraction in extractions:
        # The release this very file made before is offered; a new release is the default.
        same_file = checksum_release(extraction)
        if same_file and not may_update_release(same_file, user):
            same_file = None
        initial.append(
            {
                "language": extraction.language,
                "title": extraction.parsed.title,
                "release_date": extraction.parsed.date,
                "lead": extraction.parsed.lead,
                "label_level": extraction.label_level or "",
                "cluster": extraction.cluster,
                "new_cluster_name": extraction.proposed_cluster_name or "",
                "release": same_file,
            }
        )
    formset = ReleaseReviewFormSet(initial=initial)
    refusals = [
        refusal_of(extraction, user, row["release"])
        for extraction, row in zip(extractions, initial, strict=True)
    ]
    return {
        "batch": batch,
        "formset": formset,
        "reviews": review_rows(formset, batch, user, extractions, refusals),
        "failures": failures,
    }


def review_rows(formset, batch, user, extractions, refusals):
    """Each form with its file's text and facts, and why it cannot be imported if so."""
    rows = []
    for form, file, extraction, refusal in zip(
        formset, batch.files, extractions, refusals, strict=True
    ):
        # Only the releases this file may update, and the user may edit, are offered.
        form.fields["release"].queryset = (
            editable_releases(
                user,
                release_candidates(extraction.language, extraction.cluster, extraction.checksum),
            )
            if extraction is not None
            else PressReleasePage.objects.none()
        )
        rows.append(
            {
                "form": form,
                "name": file["name"],
                "source": file["text"],
                "extraction": extraction,
                "refusal": refusal,
            }
        )
    return rows


def corrected_extraction(file, data):
    extraction = extract(file["text"].encode("utf-8"), language=data["language"])
    return apply_corrections(
        extraction,
        title=data["title"],
        date=data["release_date"],
        lead=data["lead"],
        language=data["language"],
        label_level=data["label_level"],
        cluster=data["cluster"],
        new_cluster_name=data["new_cluster_name"],
    )


def reread(file, form):
    """The file's facts for a form that came back invalid, if its text can still be read."""
    try:
        return extract(file["text"].encode("utf-8"), language=form["language"].value() or None)
    except Exception:  # noqa: BLE001 - the form itself reports what is wrong
        return None


def create_drafts(request):
    """Save each checked and corrected file of the batch as a draft release.

    Every file is checked against the import policy first: if any is refused, nothing is
    written and the review says which file and why.
    """
    user = request.user
    batch = ImportBatch.owned_by(user, request.POST.get("batch"))
    formset = ReleaseReviewFormSet(request.POST)
    if batch is None or formset.total_form_count() != len(batch.files):
        return {"batch_missing": True}
    if not formset.is_valid():
        extractions = [reread(file, form) for file, form in zip(batch.files, formset, strict=True)]
        return {
            "batch": batch,
            "formset": formset,
            "reviews": review_rows(formset, batch, user, extractions, [""] * len(extractions)),
        }
    outcomes, refusals = [], []
    for form, file in zip(formset, batch.files, strict=True):
        outcome = ImportOutcome(file=file["name"])
        with reported_failures(outcome):
            outcome.extraction = corrected_extraction(file, form.cleaned_data)
            check_release(
                outcome.extraction,
                user=user,
                release=form.cleaned_data["release"],
                match_checksum=False,
            )
        outcomes.append(outcome)
        refusals.append(outcome.error)
    if any(refusals):
        extractions = [outcome.extraction for outcome in outcomes]
        return {
            "batch": batch,
            "formset": formset,
            "reviews": review_rows(formset, batch, user, extractions, refusals),
        }
    for form, outcome in zip(formset, outcomes, strict=True):
        with reported_failures(outcome):
            save_release(
                outcome, user=user, release=form.cleaned_data["release"], match_checksum=False
            )
    batch.delete()
    return {"results": outcomes}


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
