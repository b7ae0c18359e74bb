"""{% seo_head_data as seo %}: canonical, hreflang, Open Graph and JSON-LD for a page."""

from django import template

from newsroom.reading import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_head_data(context):
    return seo.head_metadata(context)
