from django.contrib.auth.decorators import login_not_required
from django.urls import path

from kollega.stream import feeds

urlpatterns = [
    path("feeds/home/<str:view>.atom", login_not_required(feeds.HomeFeed()), name="feed-home"),
    path(
        "feeds/people/<str:username>.atom", login_not_required(feeds.BoardFeed()), name="feed-board"
    ),
    path("feeds/places/<slug:slug>.atom", login_not_required(feeds.PlaceFeed()), name="feed-place"),
    path("feeds/tags/<str:name>.atom", login_not_required(feeds.TagFeed()), name="feed-tag"),
]
