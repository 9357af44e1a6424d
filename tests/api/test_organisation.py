"""The org unit tree and the locations."""


def test_org_units_form_a_tree_with_head_counts(api, org):
    response = api(org.dana).get("/org-units")
    assert response.status_code == 200
    units = {unit["slug"]: unit for unit in response.json()}
    assert units["engineering"]["parent"] is None
    assert units["platform"]["parent"] == "engineering"
    assert units["engineering"]["people_count"] == 1
    assert units["platform"]["people_count"] == 2
    assert units["sales"]["name"] == "Sales"
    assert isinstance(units["sales"]["id"], int)


def test_locations_list_their_time_zones_and_head_counts(api, org):
    locations = api(org.dana).get("/locations").json()
    stockholm = next(loc for loc in locations if loc["city"] == "Stockholm")
    assert stockholm["country"] == "SE"
    assert stockholm["time_zone"] == "Europe/Stockholm"
    assert stockholm["people_count"] == 2
    assert [loc["country"] for loc in locations] == sorted(loc["country"] for loc in locations)


def test_the_organisation_needs_authentication(anonymous):
    assert anonymous.get("/org-units").status_code == 401
    assert anonymous.get("/locations").status_code == 401
