"""The site's languages: the one place code learns which languages exist and which is the source.

Pages exist in every site language (one Wagtail tree per locale); records carry one variant
of each text field per record language (django-modeltranslation). Both lists come from the
settings, so adding a language is a settings change; nothing else lists them.

A leaf: imports only Django.
"""

from django.conf import settings


def site_languages():
    """The site's language codes in the settings' order: ("pl", "en", "ru")."""
    return tuple(code for code, _name in settings.LANGUAGES)


def language_choices():
    """(code, name) pairs for forms, names translated lazily into the active language."""
    return list(settings.LANGUAGES)


def default_language():
    """The language a reader without a preference gets, and the x-default of hreflang sets."""
    return settings.LANGUAGE_CODE


def record_languages():
    """The languages a record's translated fields exist in (name_pl, name_en, …)."""
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def record_source_language():
    """The language records are written in first and translated from."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def record_target_languages():
    """The record languages translated from the source language."""
    source = record_source_language()
    return tuple(code for code in record_languages() if code != source)
