"""Discovery on other pages: {% knows_about person %} on the profile and
{% recommendations %} on the home page (both inclusion tags)."""

from django import template

from kollega.discovery import recommendations as recommendations_mod
from kollega.discovery.ask import duration
from kollega.discovery.experts import explain, top_topics
from kollega.discovery.models import Responsiveness

register = template.Library()


@register.inclusion_tag("discovery/partials/knows_about.html")
def knows_about(person, limit: int = 5):
    """The person's top topics, each with its evidence, and how they answer (two queries)."""
    topics = top_topics(person, limit)
    for row in topics:
        row.why = explain(row).split(": ", 1)[-1]
    answers = Responsiveness.objects.filter(person=person).first() if topics else None
    return {
        "person": person,
        "topics": topics,
        "answers": answers,
        "answer_time": duration(answers.median_seconds or 0) if answers else "",
    }


@register.inclusion_tag("discovery/partials/recommendations_box.html", takes_context=True)
def recommendations(context, limit: int = 5):
    """Recommendations for the signed-in person, with their reasons and a dismiss button."""
    request = context["request"]
    found = recommendations_mod.recommendations(request.person, limit) if request.person else []
    return {"recommendations": found, "request": request}
