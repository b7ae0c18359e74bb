"""A media contact's vCard (RFC 6350, vCard 4.0), in the language of the address.

Only a contact shown on a live, public page answers: one of a live cluster with a live,
public news page, or one a live, public release names. Any other number is a 404.
"""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from newsroom.languages import default_language, site_languages
from newsroom.models.contacts import MediaContact
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Cluster
from newsroom.models.texts import name_in
from newsroom.privacy import public
from newsroom.slugs import ascii_slug


def escape(value):
    """A text value escaped as RFC 6350 §3.4 asks: backslash, comma, semicolon, newline."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """A content line folded at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence."""
    out, current, size = [], "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def shown_clusters(contact, language_code):
    """The live clusters with a live, public page in `language_code` listing `contact`."""
    pages = public(ClusterNewsPage.objects.live()).filter(locale__language_code=language_code)
    return Cluster.objects.filter(
        live=True, contact_links__contact=contact, news_pages__in=pages
    ).order_by("contact_links__sort_order")


def on_a_public_release(contact, language_code):
    releases = public(PressReleasePage.objects.live()).filter(locale__language_code=language_code)
    return releases.filter(media_contacts=contact).exists()


def vcard_text(contact, language_code, cluster=None):
    name = contact.name.strip()
    parts = name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else (name, "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape(name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    if cluster is not None:
        org, _code = name_in(cluster, language_code)
        if org:
            lines.append(f"ORG:{escape(org)}")
    role = contact.role_in(language_code)
    if role:
        lines.append(f"TITLE:{escape(role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;VALUE=uri;TYPE=work,voice:tel:{contact.phone}")
    for index, code in enumerate(contact.languages, start=1):
        lines.append(f"LANG;PREF={index}:{code}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def vcard(request, contact_id):
    language_code = get_language() or default_language()
    if language_code not in site_languages():
        raise Http404
    contact = MediaContact.objects.filter(pk=contact_id).first()
    if contact is None:
        raise Http404
    cluster = shown_clusters(contact, language_code).first()
    if cluster is None and not on_a_public_release(contact, language_code):
        raise Http404
    response = HttpResponse(
        vcard_text(contact, language_code, cluster), content_type="text/vcard; charset=utf-8"
    )
    filename = ascii_slug(contact.name, language_code) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    response["X-Robots-Tag"] = "noindex"
    return response
