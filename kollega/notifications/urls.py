from django.urls import path

from kollega.notifications import live, views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/badge/", views.unread_badge, name="notifications-badge"),
    path("notifications/read/", views.mark_read, name="notifications-read"),
    path("notifications/email/", views.email_settings, name="notification-settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="notifications-unsubscribe"),
    path("live/", live.live, name="live"),
]
