"""``{% load search_tags %}{% search_box %}``: the search box for the site header, with
suggestions as you type (an ARIA combobox; search/search.js adds the keyboard)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("search/box.html", takes_context=True)
def search_box(context, box_id: str = "site-search"):
    request = context.get("request")
    on_search = request is not None and getattr(request.resolver_match, "url_name", "") == "search"
    query = request.GET.get("q", "") if on_search else ""
    return {"box_id": box_id, "query": query.replace("\x00", "")}


@register.filter
def facet_groups(results):
    """The single-choice facets: (heading, parameter, facets, chosen value)."""
    f = results.filters
    return [
        (_("Tag"), "tag", results.tags, f.tag),
        (_("Person"), "author", results.authors, f.author),
        (_("Community"), "place", results.places, f.place),
    ]


@register.filter
def facet_url(results, change: str):
    """The current search's address with one facet changed: "kind=wiki", "tag=" (removes)."""
    from django.http import QueryDict

    name, _sep, value = change.partition("=")
    q = QueryDict(mutable=True)
    q["q"] = results.text
    f = results.filters
    current = {"tag": f.tag, "author": f.author, "place": f.place,
               "from": f.date_from.isoformat() if f.date_from else "",
               "to": f.date_to.isoformat() if f.date_to else ""}  # fmt: skip
    kinds = list(f.kinds)
    if name == "kind":
        kinds = [k for k in kinds if k != value] if value in kinds else [*kinds, value]
        kinds = [] if not value else kinds
    elif name in current:
        current[name] = value
    q.setlist("kind", kinds)
    for key, val in current.items():
        if val:
            q[key] = val
    if not results.social:
        q["social"] = "0"
    return "?" + q.urlencode()
