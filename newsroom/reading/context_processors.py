"""Navigation every public page shows: the brand, the news index and search of the current
language."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from newsroom.brand import brand_name
from newsroom.models.pages import news_index_in


def navigation(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}

    def news_url():
        index = news_index_in(request, get_language())
        return index.get_url(request) if index else None

    try:
        search_url = reverse("search")
    except NoReverseMatch:
        search_url = None
    # Lazy: pages that never render the header (feeds, sitemap) never run the query.
    return {"nav_news_url": news_url, "nav_search_url": search_url, "brand_name": brand_name}
