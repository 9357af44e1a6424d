from django.urls import include, path, register_converter

from kollega.web.converters import IdConverter, UsernameConverter
from kollega.web.views import (
    account,
    blog,
    community_admin,
    directory,
    forum,
    home,
    items,
    network,
    org,
    places,
    profile,
    profile_edit,
    questions,
    tags,
)


class ToggleConverter:
    """The item toggles only (like, unlike, save, unsave): other addresses under an item,
    such as items/<id>/report/ (moderation), belong to other apps."""

    regex = "|".join(items.TOGGLES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UsernameConverter, "username")
register_converter(IdConverter, "id")
register_converter(ToggleConverter, "toggle")

urlpatterns = [
    # Django's sign-in, sign-out, password change and reset, with our templates.
    path("accounts/", include("django.contrib.auth.urls")),
    path("", home.home, name="home"),
    path("people/", directory.directory, name="directory"),
    path("suggest/people/", directory.suggest_people, name="people-suggest"),
    path("suggest/mentions/", directory.suggest_mentions, name="mention-suggest"),
    path("network/", network.my_network, name="network"),
    path(
        "network/invitations/<id:invitation_id>/<str:action>/",
        network.answer_invitation,
        name="invitation-answer",
    ),
    path(
        "network/suggestions/<username:username>/dismiss/",
        network.dismiss,
        name="suggestion-dismiss",
    ),  # fmt: skip
    path("people/<username:username>/", profile.profile, name="profile"),
    path("people/<username:username>/board/", profile.post_on_board, name="profile-post"),
    path("people/<username:username>/network/", network.person_network, name="person-network"),
    path("people/<username:username>/invite/", network.invite, name="person-invite"),
    path(
        "people/<username:username>/network/<str:action>/",
        network.person_action,
        name="person-network-action",
    ),  # fmt: skip
    path("people/<username:username>/tags/", profile.add_tags, name="profile-tag"),
    path("people/<username:username>/tags/remove/", profile.remove_tag, name="profile-untag"),
    path("people/<username:username>/edit/", profile_edit.edit_profile, name="profile-edit"),
    path("people/<username:username>/photo/", profile_edit.upload_photo, name="profile-photo"),
    path("me/edit/", profile_edit.edit_me, name="me-edit"),
    path("org/", org.org_chart, name="org-chart"),
    path("org/<slug:slug>/", org.org_unit, name="org-unit"),
    path("settings/", account.settings_page, name="settings"),
    path("settings/privacy/", account.privacy, name="settings-privacy"),
    path("settings/feeds/", account.feed_token, name="settings-feed-token"),
    path("settings/tokens/<id:token_id>/revoke/", account.revoke_token, name="token-revoke"),
    path("places/", places.community_list, name="places"),
    path("places/new/", places.create_community, name="place-new"),
    path("places/requests/", places.action_required, name="place-requests"),
    path(
        "places/invitations/<id:request_id>/",
        places.answer_invitation,
        name="place-invitation",
    ),
    path("places/<slug:slug>/", forum.place_detail, name="place"),
    path("places/<slug:slug>/post/", forum.post_in_place, name="place-post"),
    path("places/<slug:slug>/join/", forum.join, name="place-join"),
    path("places/<slug:slug>/ask/", forum.ask_to_join, name="place-ask"),
    path("places/<slug:slug>/withdraw/", forum.withdraw, name="place-withdraw"),
    path("places/<slug:slug>/leave/", forum.leave, name="place-leave"),
    path("places/<slug:slug>/blog/", blog.place_blog, name="place-blog"),
    path("places/<slug:slug>/members/", community_admin.members, name="place-members"),
    path("places/<slug:slug>/members/invite/", community_admin.invite, name="place-invite"),
    path(
        "places/<slug:slug>/members/suggest/",
        community_admin.invite_suggestions,
        name="place-invite-suggest",
    ),
    path(
        "places/<slug:slug>/members/<username:username>/role/",
        community_admin.set_role,
        name="place-member-role",
    ),
    path(
        "places/<slug:slug>/members/<username:username>/remove/",
        community_admin.remove,
        name="place-member-remove",
    ),
    path(
        "places/<slug:slug>/requests/<id:request_id>/",
        community_admin.decide,
        name="place-request-decide",
    ),
    path(
        "places/<slug:slug>/invitations/<id:request_id>/withdraw/",
        community_admin.withdraw_invitation,
        name="place-invitation-withdraw",
    ),
    path(
        "places/<slug:slug>/settings/",
        community_admin.community_settings,
        name="place-settings",
    ),
    path("people/<username:username>/blog/", blog.person_blog, name="person-blog"),
    path("items/<id:item_id>/", items.item_detail, name="item"),
    path("items/<id:item_id>/reply/", items.reply, name="item-reply"),
    path("items/<id:item_id>/edit/", items.edit_item, name="item-edit"),
    path("items/<id:item_id>/question/", questions.mark_question, name="item-question"),
    path(
        "items/<id:item_id>/replies/<id:reply_id>/<str:action>/",
        questions.answer,
        name="reply-answer",
    ),  # fmt: skip
    path("items/<id:item_id>/<toggle:action>/", items.toggle, name="item-toggle"),
    path("tags/<str:name>/", tags.tag_page, name="tag"),
]
