"""Template filters that format facts for the page's language through Babel."""

from django import template

from newsroom import formatting

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
def language_name(code, in_language=None):
    return formatting.language_name(code, in_language)


@register.filter
def quoted(text):
    return formatting.quoted(text)
