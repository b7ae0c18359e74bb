"""sitemap.xml and robots.txt, served outside the language prefix."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from newsroom.reading import seo


@require_safe
def sitemap(request):
    """Every live, public page of every language, with its reciprocal hreflang set."""
    xml = render_to_string("sitemap.xml", {"entries": seo.sitemap_entries(request)})
    return HttpResponse(xml, content_type="application/xml")


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    text = render_to_string("robots.txt", {"sitemap_url": sitemap_url})
    return HttpResponse(text, content_type="text/plain")
