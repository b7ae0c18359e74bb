"""Every page's slug is ASCII and its own: made from its own title in its own language
(newsroom.slugs.ascii_slug) whatever way the page is saved.

The rule runs whenever a page of the project is cleaned, which Wagtail does on every save
and every revision (the admin's forms, the importer, wagtail-localize's `save_target`,
the hand-off's drafts):

- an empty slug is made from the title;
- a slug with letters outside ASCII (typed, or made by code) is transliterated;
- a translation's slug that is still its source's (wagtail-localize copies the source's
  slug when the translator leaves it untranslated, and the hand-off keeps it) is made from
  the translation's own title, unless the page has been published with a slug of its own,
  which it keeps (a sync of a live translation does not move its address);

each unique among the page's siblings and clear of the words its parent routes itself
(`reserved_slugs`). Any other slug, an editor's choice, is left as it is.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from newsroom.slugs import ascii_slug, is_ascii_slug


def parent_of(page):
    """The page's parent when it is known (Wagtail's test before making a slug), else None."""
    if not (page.path or getattr(page, "_cached_parent_obj", None)):
        return None
    return page.get_parent()


def reserved_slugs_below(parent):
    """The slugs a child of `parent` cannot take: the words of the parent's own routes."""
    parent_class = parent.specific_class if parent is not None else None
    reserved = getattr(parent_class, "reserved_slugs", None)
    return reserved() if reserved else set()


def is_copy_of(slug, source_slug):
    """Whether `slug` is `source_slug` as wagtail-localize copies it: itself, slugified, or
    either with the number find_available_slug adds."""
    for base in {source_slug, slugify(source_slug)} - {""}:
        if slug == base or re.fullmatch(rf"{re.escape(base)}-\d+", slug):
            return True
    return False


def copied_slug_and_own(page):
    """(whether the page's slug is its translation source's, the page's stored slug when
    that is its own and has been public): one query."""
    if not page.translation_key or not page.slug:
        return False, None
    sources = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .values("locale_id")
    )
    rows = list(
        Page.objects.filter(translation_key=page.translation_key)
        .filter(Q(locale_id__in=sources) | Q(pk=page.pk))
        .values_list("pk", "slug", "first_published_at")
    )
    # A source is older than its translations; a newer page is one of them.
    source_slugs = [
        slug for pk, slug, _published in rows if pk != page.pk and (not page.pk or pk < page.pk)
    ]
    if not any(is_copy_of(page.slug, source) for source in source_slugs):
        return False, None
    # A slug readers may have found (a live translation synced again) stays; one never
    # public follows the title (a new translation is saved with the source's title first).
    stored, published = next(
        ((slug, published) for pk, slug, published in rows if pk == page.pk), (None, None)
    )
    own = (
        stored
        and published
        and is_ascii_slug(stored)
        and not any(is_copy_of(stored, source) for source in source_slugs)
    )
    return True, (stored if own else None)


def give_own_slug(page):
    """Apply the rule above to `page` (unsaved changes only; the caller saves)."""
    parent = parent_of(page)
    if parent is None:
        return  # Wagtail cleans again once the page is in the tree
    if page.locale_id is None:
        page.locale = page.get_default_locale()
    language = page.locale.language_code
    slug = page.slug or ""
    copied, own = copied_slug_and_own(page) if slug else (False, None)
    if own:
        page.slug = own
        return
    if not slug or copied:
        base = ascii_slug(page.title, language)
    elif not is_ascii_slug(slug):
        # The editor's words, in ASCII; the title's when none of them survive.
        base = ascii_slug(slug, language) or ascii_slug(page.title, language)
    else:
        return
    if not base:
        return  # nothing to make a slug of: Wagtail's validation says so
    reserved = reserved_slugs_below(parent)
    if base in reserved:
        base = f"{base}-2"
    page.slug = find_available_slug(parent, base, ignore_page_id=page.pk)


def reserved_slug_refusal(slug, parent):
    """The editor's error for a slug the parent routes itself (the page would never be
    reached at it), else None."""
    if parent is None or slug not in reserved_slugs_below(parent):
        return None
    return _(
        "“%(slug)s” is the address of one of the parent page's lists: choose another slug."
    ) % {"slug": slug}


def refuse_reserved_slug(page):
    """Model validation (a page published): the slug error above."""
    refusal = reserved_slug_refusal(page.slug, parent_of(page))
    if refusal:
        raise ValidationError({"slug": refusal})
