from django import template

from kollega.places.tabs import tabs_for

register = template.Library()


@register.inclusion_tag("places/tab_bar.html")
def place_tab_bar(place, active):
    """The community's tab bar: {% place_tab_bar place "wiki" %}."""
    return {"tabs": tabs_for(place, active), "place": place}
