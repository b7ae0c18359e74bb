"""The admin's translation status matrix: one row per release, one column per language."""

import csv

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.permission_policies.pages import PagePermissionPolicy

from newsroom.languages import site_languages
from newsroom.translating import status as ts
from newsroom.translating.choices import TranslationStatus
from newsroom.translating.requests import can_request_translations

TEMPLATE = "newsroom/admin/translation_matrix.html"


def can_view_matrix(user):
    policy = PagePermissionPolicy()
    return policy.user_has_permission(user, "change") or policy.user_has_permission(user, "add")


def forbidden():
    # A plain 403: raising PermissionDenied would make Wagtail redirect to the dashboard.
    return HttpResponseForbidden(_("You do not have permission to see the translation status."))


def _choice(params, name, allowed):
    """The GET parameter `name` if it is one of `allowed`, else None (junk is ignored)."""
    value = params.get(name)
    return value if isinstance(value, str) and value in allowed else None


def matrix_context(request):
    languages = site_languages()
    rows, clusters = ts.build_matrix()
    filters = {
        "cluster": _choice(request.GET, "cluster", {c.slug for c in clusters}),
        "language": _choice(request.GET, "language", set(languages)),
        "status": _choice(request.GET, "status", set(TranslationStatus.values)),
    }
    in_cluster = ts.filter_rows(rows, cluster=filters["cluster"])
    shown = ts.filter_rows(in_cluster, language=filters["language"], status=filters["status"])
    return {
        "languages": languages,
        "clusters": clusters,
        "statuses": list(TranslationStatus.choices),
        "filters": filters,
        "rows": shown,
        "total": len(rows),
        "counts": ts.count_statuses(in_cluster, languages),
    }


def translation_matrix(request):
    if not can_view_matrix(request.user):
        return forbidden()
    context = matrix_context(request)
    languages = context["languages"]
    context["table"] = [(row, row.ordered_cells(languages)) for row in context["rows"]]
    context["count_rows"] = [
        (code, [context["counts"][code][status] for status, _label in context["statuses"]])
        for code in languages
    ]
    context["query_string"] = request.GET.urlencode()
    context["can_request"] = can_request_translations(request.user)
    return render(request, TEMPLATE, context)


def translation_matrix_csv(request):
    if not can_view_matrix(request.user):
        return forbidden()
    context = matrix_context(request)
    languages = context["languages"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translations.csv"'
    response.write("\ufeff")  # BOM: Excel then reads Polish and Russian text correctly
    writer = csv.writer(response)
    header = [_("Release"), _("Cluster"), _("Source language")]
    for code in languages:
        header += [
            _("Status (%(language)s)") % {"language": code},
            _("Since (%(language)s)") % {"language": code},
            _("Held by (%(language)s)") % {"language": code},
        ]
    writer.writerow(header)
    for row in context["rows"]:
        line = [row.title, row.cluster.slug if row.cluster else "", row.source_language]
        for cell in row.ordered_cells(languages):
            line += [
                cell.status,
                cell.since.isoformat() if cell.since else "",
                cell.holder_name if cell.page else "",
            ]
        writer.writerow(line)
    return response
