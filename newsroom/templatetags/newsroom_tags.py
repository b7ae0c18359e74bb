"""Template filters for public pages: facts formatted through Babel for the page's language,
record texts in that language only (newsroom.models.texts), and copy set by the language's
typographic rules (newsroom.typography)."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from newsroom import formatting, typography
from newsroom.models.texts import name_in, text_in

register = template.Library()


@register.filter
def long_date(value, language_code=None):
    return formatting.long_date(value, language_code)


@register.filter
def date_range(start, end=None):
    """{{ audit_started_on|date_range:audit_ended_on }}: '24–26 października 2017 r.'."""
    return formatting.date_range(start, end)


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
def language_name_in_sentence(code, in_language=None):
    """As the language writes it inside a sentence: 'polski', 'польский', but 'Polish'."""
    return formatting.language_name(code, in_language, in_sentence=True)


@register.filter
def quoted(text):
    return formatting.quoted(text)


@register.filter
def typeset(value, language_code=None):
    """{{ page.title|typeset }}: the text (escaped unless already safe HTML) with the
    language's non-breaking spaces and quote punctuation; tags and attributes untouched."""
    html = conditional_escape(value)
    return mark_safe(typography.typeset(str(html), language_code or get_language()))


class TypesetNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return typography.typeset(self.nodelist.render(context), get_language())


@register.tag("typeset")
def typeset_block(parser, token):
    """{% typeset %}…{% endtypeset %}: everything rendered inside, set like `|typeset`."""
    nodelist = parser.parse(("endtypeset",))
    parser.delete_first_token()
    return TypesetNode(nodelist)


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
