"""Template filters for public pages: facts formatted through Babel for the page's language,
and record texts in that language only (newsroom.models.texts)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from newsroom import formatting
from newsroom.models.texts import name_in, text_in

register = template.Library()


@register.filter
def long_date(value, language_code=None):
    return formatting.long_date(value, language_code)


@register.filter
def iso_date(value):
    return formatting.iso_date(value)


@register.filter
def number(value, language_code=None):
    return formatting.number(value, language_code)


@register.filter
def country_name(code, language_code=None):
    return formatting.country_name(code, language_code)


@register.filter
def relative_time(moment):
    return formatting.relative_time(moment)


@register.filter
def language_name(code, in_language=None):
    return formatting.language_name(code, in_language)


@register.filter
def quoted(text):
    return formatting.quoted(text)


@register.filter
def own_text(record, field):
    """{{ award|own_text:"result_summary" }}: the text in the page's language, or ""."""
    return text_in(record, field, get_language())


@register.simple_tag
def record_name(record, field="name"):
    """{% record_name award.label %}: the name, marked with its language when it is not the
    page's (a Russian page naming a cluster that has only a Polish name)."""
    language = get_language()
    text, written_in = name_in(record, language, field)
    if written_in == language:
        return text
    return format_html('<span lang="{}">{}</span>', written_in, text)
