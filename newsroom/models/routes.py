"""The routes of routable pages in their page's language: `/pl/aktualnosci/poziom/srebrny/`,
`/ru/novosti/uroven/serebryany/lenta/rss/`, `/en/news/level/silver/`.

A route is declared once, with Wagtail's `@path` and English words (`level/<str:level>/`);
a page answers it in the words of its own language (newsroom.slugs.ROUTE_WORDS), and the
values of `LOCALISED_PARAMETERS` (a label level) too. The route's own words, the addresses
the site had before, answer with a permanent redirect to the page's words, query string
kept. `reverse_subpage` gives the page's words, so every link, feed, sitemap entry,
canonical and hreflang URL is the localised one.
"""

import re
from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from newsroom.languages import site_languages
from newsroom.slugs import route_word, word_of_route

# Route parameters whose values are route words: the label level of a level page.
LOCALISED_PARAMETERS = {"level"}
PARAMETER = re.compile(r"^<(?:\w+:)?(\w+)>$")


@dataclass(frozen=True)
class Route:
    name: str
    view: object  # the page's method (unbound)
    parts: tuple  # each a word of the pattern, or a Parameter

    def match(self, components, language):
        """The route's keyword arguments when the path `components` are this route in
        `language`'s words (None: the pattern's own words), else None."""
        if len(components) != len(self.parts):
            return None
        kwargs = {}
        for part, component in zip(self.parts, components, strict=True):
            if isinstance(part, Parameter):
                value = component
                if part.name in LOCALISED_PARAMETERS:
                    value = word_of_route(component, language)
                    if value is None:
                        return None
                kwargs[part.name] = value
            elif component != (part if language is None else route_word(part, language)):
                return None
        return kwargs


@dataclass(frozen=True)
class Parameter:
    name: str


class LocalisedRoutesMixin(RoutablePageMixin):
    """RoutablePageMixin whose routes are addressed in the page's language."""

    @classmethod
    def localised_routes(cls):
        if "_newsroom_routes" not in cls.__dict__:
            routes = []
            for pattern in cls.get_subpage_urls():
                parts = []
                for part in str(pattern.pattern._route).strip("/").split("/"):
                    if not part:
                        continue
                    parameter = PARAMETER.match(part)
                    parts.append(Parameter(parameter.group(1)) if parameter else part)
                routes.append(Route(pattern.name, pattern.callback, tuple(parts)))
            cls._newsroom_routes = tuple(routes)
        return cls._newsroom_routes

    @classmethod
    def find_route(cls, components, language):
        """(route, kwargs) of the route `components` address in `language`'s words (None:
        the patterns' own words), else None."""
        for route in cls.localised_routes():
            kwargs = route.match(list(components), language)
            if kwargs is not None:
                return route, kwargs
        return None

    @classmethod
    def answers_route(cls, components):
        """Whether some page of this type answers `components` itself (in any language's
        words, or the old ones it redirects from) rather than a child page."""
        return any(cls.find_route(components, language) for language in (*site_languages(), None))

    @classmethod
    def reserved_slugs(cls):
        """The first words of this type's routes in every language: no child page can be
        reached at them (the route answers first), so none may take them as slug."""
        words = set()
        for route in cls.localised_routes():
            if route.parts and not isinstance(route.parts[0], Parameter):
                first = route.parts[0]
                words.add(first)
                words.update(route_word(first, language) for language in site_languages())
        return words

    @classmethod
    def subpage_path(cls, name, language, *args, **kwargs):
        """The path below a page of this type (no leading slash) of route `name`, in
        `language`'s words: ("level_releases", "pl", "silver") → "poziom/srebrny/"."""
        canonical = cls.get_resolver().reverse(name, *args, **kwargs)
        route = next(route for route in cls.localised_routes() if route.name == name)
        components = canonical.strip("/").split("/") if canonical.strip("/") else []
        localised = []
        for part, component in zip(route.parts, components, strict=True):
            if isinstance(part, Parameter):
                if part.name in LOCALISED_PARAMETERS:
                    component = route_word(component, language)
            else:
                component = route_word(part, language)
            localised.append(component)
        return "".join(f"{component}/" for component in localised)

    def reverse_subpage(self, name, args=None, kwargs=None):
        return self.subpage_path(name, self.locale.language_code, *(args or ()), **(kwargs or {}))

    def resolve_subpage(self, path):
        """Wagtail's previews and checks ask this: a path in the page's own words."""
        components = [part for part in path.strip("/").split("/") if part]
        found = self.find_route(components, self.locale.language_code)
        if found is None:
            raise Http404
        route, kwargs = found
        return route.view.__get__(self, type(self)), (), kwargs

    def route(self, request, path_components):
        if self.live:
            language = self.locale.language_code
            found = self.find_route(path_components, language)
            if found:
                route, kwargs = found
                view = route.view.__get__(self, type(self))
                return RouteResult(self, args=(view, (), kwargs))
            found = self.find_route(path_components, None)
            if found:
                # An address in the routes' own words: the page's words are the address now.
                route, kwargs = found
                redirect = RedirectToOwnWords(self, self.reverse_subpage(route.name, kwargs=kwargs))
                return RouteResult(self, args=(redirect, (), {}))
        return Page.route(self, request, path_components)


class RedirectToOwnWords:
    """The view of an old address: a permanent redirect to the page's own, query kept."""

    def __init__(self, page, subpage_path):
        self.page = page
        self.subpage_path = subpage_path

    def __call__(self, request):
        url = self.page.get_url(request) + self.subpage_path
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
