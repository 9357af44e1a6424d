"""{% load news_tags %}{% featured_news %}: the featured news for the signed-in person."""

from django import template

from kollega.news.queries import featured_for

register = template.Library()


@register.inclusion_tag("news/featured.html", takes_context=True)
def featured_news(context):
    request = context.get("request")
    person = getattr(request, "person", None)
    return {"items": featured_for(person) if person else []}
