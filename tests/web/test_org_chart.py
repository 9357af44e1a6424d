"""The org chart and a department's page."""


def test_the_chart_shows_the_tree_with_head_counts(bob, org):
    response = bob.get("/org/")
    page = response.content.decode()
    assert 'href="/org/engineering/"' in page
    assert 'href="/org/platform/"' in page
    engineering = next(n for n in response.context["roots"] if n.unit.slug == "engineering")
    assert (engineering.direct, engineering.total) == (1, 3)
    assert engineering.children[0].unit.slug == "platform"
    assert "3 people" in page


def test_a_unit_page_lists_its_people_sub_units_and_parents(bob, org):
    page = bob.get("/org/platform/").content.decode()
    assert "Bob Brown" in page
    assert "Charlie Chen" in page
    assert 'href="/org/engineering/"' in page
    eng = bob.get("/org/engineering/").content.decode()
    assert "Alice Andersson" in eng
    assert "Sub-units" in eng
    assert "Bob Brown" not in eng


def test_an_unknown_unit_is_404(bob):
    assert bob.get("/org/nowhere/").status_code == 404
    assert bob.get("/org/platform/?page=abc").status_code == 200
