"""{% load moderation_tags %}{% report_link item %}: a small link to report an item."""

from django import template

register = template.Library()


@register.inclusion_tag("moderation/report_link.html", takes_context=True)
def report_link(context, item):
    """Shown to everyone but the item's author (who edits instead of reporting)."""
    request = context.get("request")
    person = getattr(request, "person", None)
    return {"item": item, "show": person is not None and item.author_id != person.pk}
