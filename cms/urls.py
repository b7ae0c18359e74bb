from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsroom.reading import contacts, errors, search, sitemap

# Readers' 404 and 500 pages, in the address's language (Wagtail's page 404s included).
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap.section, name="sitemap_section"),
    path("robots.txt", sitemap.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix (/pl/, /en/, /ru/); "/" is
# redirected by LocaleMiddleware to the language the browser prefers.
urlpatterns += i18n_patterns(
    path(search.search_route, search.search, name="search"),
    # The address before search had one per language (the English one above answers first).
    path("search/", search.old_address, name="search_old_address"),
    path("media-contacts/<int:contact_id>/vcard/", contacts.vcard, name="contact_vcard"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
