"""The admin's release import: upload files, review what was extracted, create drafts."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from wagtail.permission_policies.pages import PagePermissionPolicy

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


def require_page_creation(user):
    if not PagePermissionPolicy().user_has_permission(user, "add"):
        raise PermissionDenied


def import_releases(request):
    require_page_creation(request.user)
    if request.method == "POST" and request.POST.get("step") == "create":
        return create_drafts(request)
    if request.method == "POST":
        return review_uploads(request)
    return render(request, TEMPLATE, {"upload_form": ReleaseUploadForm()})


def review_uploads(request):
    upload_form = ReleaseUploadForm(request.POST, request.FILES)
    if not upload_form.is_valid():
        return render(request, TEMPLATE, {"upload_form": upload_form})
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
    return render(
        request,
        TEMPLATE,
        {
            "formset": formset,
            "reviews": review_rows(formset, extractions),
            "failures": failures,
        },
    )


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
    formset = ReleaseReviewFormSet(request.POST)
    if not formset.is_valid():
        return render(request, TEMPLATE, {"formset": formset, "reviews": review_rows(formset)})
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
    return render(request, TEMPLATE, {"results": results})
