"""Importing people from CSV: all rows or none, every problem reported with its line."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kollega.activity.models import Event
from kollega.people.actions import create_person
from kollega.people.importer import import_people
from kollega.people.models import OrgUnit, Person

HEADER = "username,name,email,job_title,department,parent_department,manager,country,city,time_zone,phone\n"  # noqa: E501


def csv_file(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "people.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def run(path, **options):
    out = StringIO()
    call_command("import_people", str(path), stdout=out, verbosity=0, **options)
    return out.getvalue()


def problems(path) -> str:
    with pytest.raises(CommandError) as caught:
        run(path)
    return str(caught.value)


GOOD = (
    "bob,Bob Brown,bob@example.com,Platform Engineer,Platform,Engineering,alice,CA,Toronto,America/Toronto,+1 416 555 0100\n"  # noqa: E501
    "alice,Alice Andersson,alice@example.com,Head of Engineering,Engineering,,,SE,Stockholm,Europe/Stockholm,\n"  # noqa: E501
    "charlie,Charlie Chen,charlie@example.com,SRE,Platform,Engineering,bob,US,Austin,America/Chicago,\n"  # noqa: E501
)


def test_it_imports_managers_named_before_they_appear(db, tmp_path):
    output = run(csv_file(tmp_path, GOOD))
    assert "3 new" in output
    bob = Person.objects.select_related("manager", "org_unit__parent", "location").get(
        username="bob"
    )
    assert bob.manager.username == "alice"
    assert Person.objects.get(username="charlie").manager == bob
    assert bob.org_unit.name == "Platform" and bob.org_unit.parent.name == "Engineering"
    assert bob.location.time_zone == "America/Toronto"
    assert bob.user.email == "bob@example.com"
    assert bob.board.slug == "board-bob"
    assert Person.objects.get(username="alice").manager is None


def test_it_updates_existing_people_and_records_it(db, tmp_path):
    dana = create_person("dana", "Dana Dahl", email="dana@old.example.com")
    path = csv_file(tmp_path, "dana,Dana Dahl-Berg,dana@example.com,Account Manager,Sales,,,,,,\n")
    output = run(path)
    assert "1 updated" in output
    dana.refresh_from_db()
    assert (dana.name, dana.email, dana.job_title) == (
        "Dana Dahl-Berg", "dana@example.com", "Account Manager")  # fmt: skip
    assert dana.user.email == "dana@example.com"
    assert OrgUnit.objects.get(name="Sales") == dana.org_unit
    assert Event.objects.filter(verb="update", person=dana).exists()
    assert "1 unchanged" in run(path)  # importing again changes nothing


def test_leaving_out_a_column_leaves_that_field_alone(db, tmp_path):
    create_person("erik", "Erik Eriksson", job_title="Buyer")
    run(csv_file(tmp_path, "erik,Erik Eriksson\n", header="username,name\n"))
    assert Person.objects.get(username="erik").job_title == "Buyer"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("zed,Zed,zed@example.com,,,,nobody,,,,", "unknown manager 'nobody'"),
        ("zed,Zed,not-an-email,,,,,,,,", "invalid email 'not-an-email'"),
        ("zed,Zed,,,,,,SE,Lund,Europe/Lund,", "unknown time zone 'Europe/Lund'"),
        ("zed,,,,,,,,,,", "name is empty"),
        ("zed,Zed,,,,,zed,,,,", "manager cycle: zed → zed"),
        (",Zed,,,,,,,,,", "username is empty"),
        ("zed,Zed,,,,,,Sweden,Lund,Europe/Stockholm,", "not a two-letter ISO code"),
        ("zed,Zed,,,,,,SE,,,", "country and city go together"),
        ("zed,Zed,,,,,,SE,Lund,,", "give its time_zone"),
        ("zed,Zed,,,,Engineering,,,,,", "parent_department without a department"),
        ("zed,Zed", "has 2 cells; the header has 11"),
    ],
)
def test_each_bad_row_is_reported_with_its_line(db, tmp_path, row, reason):
    message = problems(csv_file(tmp_path, GOOD + row + "\n"))
    assert any(line.strip().startswith("line 5: ") and reason in line
               for line in message.splitlines())  # fmt: skip
    assert "nothing was imported" in message
    assert not Person.objects.exists()


def test_all_problems_are_reported_together(db, tmp_path):
    body = (
        "ann,Ann,ann@example.com,,,,ben,,,,\n"
        "ben,Ben,,,,,ann,,,,\n"
        "ann,Ann Again,,,,,,,,,\n"
        "cy,Cy,,,A,B,,,,,\n"
        "di,Di,,,B,A,,,,,\n"
    )
    message = problems(csv_file(tmp_path, body))
    assert "line 2: manager cycle: ann → ben → ann" in message
    assert "line 3: manager cycle: ben → ann → ben" in message
    assert "line 4: username 'ann' already appears on line 2" in message
    assert "department cycle" in message
    assert not Person.objects.exists() and not OrgUnit.objects.exists()


def test_a_cycle_through_an_existing_person_is_caught(db, tmp_path):
    boss = create_person("boss", "Boss")
    worker = create_person("worker", "Worker", manager=boss)
    message = problems(csv_file(tmp_path, "boss,Boss,,,,,worker,,,,\n"))
    assert "line 2: manager cycle: boss → worker → boss" in message
    boss.refresh_from_db()
    assert boss.manager is None and worker.manager == boss


def test_unknown_and_missing_columns_are_refused(db, tmp_path):
    message = problems(csv_file(tmp_path, "x,X,1\n", header="username,name,shoe_size\n"))
    assert "Unknown columns: shoe_size" in message
    message = problems(csv_file(tmp_path, "x@example.com\n", header="email\n"))
    assert "Missing required columns: username, name" in message


def test_dry_run_changes_nothing(db, tmp_path):
    output = run(csv_file(tmp_path, GOOD), dry_run=True)
    assert "Would import 3 rows: 3 new" in output
    assert not Person.objects.exists() and not OrgUnit.objects.exists()


def test_the_importer_returns_its_findings(db, tmp_path):
    result = import_people(csv_file(tmp_path, GOOD + "zed,,,,,,,,,,\n"))
    assert not result.ok and result.errors == [(5, "name is empty")]
