"""The directory, profiles and profile tags."""

from django.contrib.auth import get_user_model

from kollega.people.actions import get_or_create_location, tag_person


def usernames(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [person["username"] for person in response.json()["items"]]


def test_the_directory_lists_active_people_by_name(api, org):
    response = api(org.dana).get("/people")
    assert usernames(response) == ["alice", "bob", "charlie", "dana", "staff"]
    assert response.json()["count"] == 5
    assert response.json()["next_offset"] is None


def test_the_directory_finds_people_by_any_word_of_their_name(api, org):
    assert usernames(api(org.dana).get("/people", q="brown")) == ["bob"]
    assert usernames(api(org.dana).get("/people", q="Reliability")) == ["charlie"]


def test_the_directory_filters_by_org_unit_including_sub_units(api, org):
    assert usernames(api(org.dana).get("/people", org_unit="engineering")) == [
        "alice",
        "bob",
        "charlie",
    ]
    assert usernames(api(org.dana).get("/people", org_unit="platform")) == ["bob", "charlie"]


def test_the_directory_filters_by_country_location_and_tag(api, org):
    stockholm = get_or_create_location("SE", "Stockholm", "Europe/Stockholm")
    assert usernames(api(org.bob).get("/people", country="se")) == ["alice", "dana"]
    assert usernames(api(org.bob).get("/people", location=stockholm.pk)) == ["alice", "dana"]
    tag_person(org.alice, org.bob, "kubernetes")
    assert usernames(api(org.dana).get("/people", tag="Kubernetes")) == ["bob"]


def test_the_directory_pages_with_limit_and_offset(api, org):
    client = api(org.dana)
    first = client.get("/people", limit=2).json()
    assert [p["username"] for p in first["items"]] == ["alice", "bob"]
    assert first["next_offset"] == 2
    second = client.get("/people", limit=2, offset=first["next_offset"]).json()
    assert [p["username"] for p in second["items"]] == ["charlie", "dana"]


def test_the_directory_refuses_an_unknown_org_unit(api, org):
    response = api(org.dana).get("/people", org_unit="nowhere")
    assert response.status_code == 400
    assert "nowhere" in response.json()["detail"]


def test_the_directory_refuses_limits_out_of_range(api, org):
    for limit in ("0", "-1", "101", "99999999999999999999999", "ten"):
        response = api(org.dana).get("/people", limit=limit)
        assert response.status_code == 422, limit
        assert "limit" in response.json()["errors"]


def test_a_profile_shows_what_a_colleague_needs(api, org):
    data = api(org.dana).get("/people/bob").json()
    assert data["username"] == "bob"
    assert data["name"] == "Bob Brown"
    assert data["job_title"] == "Platform Engineer"
    assert data["org_unit"] == {"slug": "platform", "name": "Platform"}
    assert data["location"] == {
        "country": "CA",
        "city": "Toronto",
        "time_zone": "America/Toronto",
    }
    assert data["manager"] == "alice"
    assert data["email"] == "bob@example.com"
    assert data["photo_url"] is None
    assert set(data) >= {"phone", "about", "about_html", "url"}


def test_an_unknown_username_is_404(api, org):
    response = api(org.dana).get("/people/nobody")
    assert response.status_code == 404
    assert "nobody" in response.json()["detail"]


def test_me_is_the_callers_own_profile(api, org):
    assert api(org.charlie).get("/people/me").json()["username"] == "charlie"


def test_people_edit_their_own_profile(api, org):
    response = api(org.dana).patch(
        "/people/me",
        {"job_title": "Key Account Manager", "about": "I *sell*.", "phone": "+46 8 123"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["job_title"] == "Key Account Manager"
    assert data["about_html"] == "<p>I <em>sell</em>.</p>\n"
    assert data["name"] == "Dana Dahl"  # untouched: not sent


def test_the_profile_links_org_unit_location_and_manager_by_their_names(api, org):
    toronto = get_or_create_location("CA", "Toronto", "America/Toronto")
    response = api(org.dana).patch(
        "/people/me", {"org_unit": "platform", "location": toronto.pk, "manager": "alice"}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["org_unit"]["slug"] == "platform"
    assert data["location"]["city"] == "Toronto"
    assert data["manager"] == "alice"


def test_null_clears_org_unit_location_and_manager(api, org):
    response = api(org.bob).patch(
        "/people/me", {"org_unit": None, "location": None, "manager": None}
    )
    data = response.json()
    assert (data["org_unit"], data["location"], data["manager"]) == (None, None, None)


def test_unknown_org_unit_location_or_manager_are_refused_with_a_message(api, org):
    client = api(org.dana)
    for field, value in (("org_unit", "atlantis"), ("location", 999_999), ("manager", "zed")):
        response = client.patch("/people/me", {field: value})
        assert response.status_code == 400, field
        assert field in response.json()["errors"]
        assert str(value) in response.json()["detail"]


def test_a_reporting_line_cannot_loop(api, org):
    response = api(org.alice).patch("/people/me", {"manager": "bob"})
    assert response.status_code == 400
    assert "loop" in response.json()["errors"]["manager"][0]


def test_an_empty_name_is_refused(api, org):
    response = api(org.dana).patch("/people/me", {"name": "  "})
    assert response.status_code == 400
    assert response.json()["errors"]["name"]


def test_an_invalid_email_is_refused(api, org):
    response = api(org.dana).patch("/people/me", {"email": "not an address"})
    assert response.status_code == 400
    assert "email" in response.json()["errors"]


def test_profile_tags_show_who_gave_them_and_the_persons_own(api, org):
    tag_person(org.alice, org.bob, "kubernetes, go")
    tag_person(org.charlie, org.bob, "kubernetes")
    tag_person(org.bob, org.bob, "cycling")
    data = api(org.charlie).get("/people/bob/tags").json()
    assert data["own"] == ["cycling"]
    first = data["from_colleagues"][0]
    assert first["name"] == "kubernetes"
    assert first["count"] == 2
    assert {t["username"] for t in first["taggers"]} == {"alice", "charlie"}
    assert first["viewer_gave"] is True
    assert data["from_colleagues"][1]["name"] == "go"


def test_colleagues_tag_each_other_with_a_string_or_a_list(api, org):
    client = api(org.dana)
    response = client.post("/people/bob/tags", {"tags": "Kubernetes, GO"})
    assert response.status_code == 200, response.content
    assert [t["name"] for t in response.json()["from_colleagues"]] == ["go", "kubernetes"]
    response = client.post("/people/bob/tags", {"tags": ["terraform"]})
    assert "terraform" in [t["name"] for t in response.json()["from_colleagues"]]


def test_tagging_needs_a_valid_tag(api, org):
    client = api(org.dana)
    assert client.post("/people/bob/tags", {"tags": ""}).status_code == 400
    assert client.post("/people/bob/tags", {"tags": "!!!"}).status_code == 400
    assert client.post("/people/bob/tags", {"tags": 5}).status_code == 422
    assert client.post("/people/bob/tags", {}).status_code == 422
    assert client.post("/people/nobody/tags", {"tags": "x"}).status_code == 404


def test_a_tagger_withdraws_their_own_tag(api, org):
    tag_person(org.dana, org.bob, "sales")
    tag_person(org.alice, org.bob, "sales")
    response = api(org.dana).delete("/people/bob/tags/sales")
    assert response.status_code == 200
    assert response.json()["from_colleagues"][0]["count"] == 1


def test_only_the_profiles_owner_removes_tags_others_gave(api, org):
    tag_person(org.alice, org.bob, "sales")
    response = api(org.dana).delete("/people/bob/tags/sales")
    assert response.status_code == 403
    assert "Bob Brown" in response.json()["detail"]
    response = api(org.bob).delete("/people/bob/tags/sales")
    assert response.status_code == 200
    assert response.json()["from_colleagues"] == []


def test_removing_a_tag_that_is_not_there_is_400(api, org):
    response = api(org.bob).delete("/people/bob/tags/nothing-here")
    assert response.status_code == 400
    assert "nothing-here" in response.json()["detail"]


def test_inactive_people_are_not_in_the_directory(api, org):
    get_user_model().objects.filter(pk=org.charlie.user_id).update(is_active=False)
    assert "charlie" not in usernames(api(org.dana).get("/people"))
    assert api(org.dana).get("/people/charlie").status_code == 404
