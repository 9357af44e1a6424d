"""Importing people from a CSV file: check everything first, then write all or nothing.

The file is UTF-8 (a BOM from Excel is fine), comma-separated, with a header row naming
some of these columns, in any order:

============== ======== ==============================================================
column         required meaning
============== ======== ==============================================================
username       yes      sign-in name; an existing username updates that person
name           yes      display name
email                   work email address
job_title               e.g. "Site Reliability Engineer"
department              org unit; created when missing
parent_department       the department's parent unit; created when missing
manager                 the manager's username: in the file (before or after) or existing
country                 ISO 3166 two-letter code, e.g. SE
city                    with country, the person's location; created when missing
time_zone               IANA name, e.g. Europe/Stockholm; needed for a new location
phone                   free text, up to 40 characters
============== ======== ==============================================================

A column left out of the header is left alone on existing people; an empty cell clears that
field (an empty manager means "reports to no one"). Unknown columns are refused, so a typo
in the header cannot silently drop data. Existing departments keep their place in the tree.

Every row is checked before anything is written: usernames (valid, not twice in the file),
names, emails, time zones, countries, managers (known, and no reporting loops), departments
(no loops, one parent each). If any row is bad, every problem is reported with its line number
and nothing is imported. Writes go through people.actions, so profile updates record their
events, all in one transaction.
"""

from __future__ import annotations

import csv
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from kollega.people import actions
from kollega.people.models import Location, Person

COLUMNS = ("username", "name", "email", "job_title", "department", "parent_department",
           "manager", "country", "city", "time_zone", "phone")  # fmt: skip
REQUIRED = ("username", "name")
LIMITS = {"username": 150, "name": 150, "job_title": 150, "phone": 40, "department": 120,
          "parent_department": 120, "city": 120}  # fmt: skip


@dataclass
class Row:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "Would import" if self.dry_run else "Imported"
        return (
            f"{verb} {self.rows} rows: {self.created} new, {self.updated} updated, "
            f"{self.unchanged} unchanged."
        )


class HeaderError(ValueError):
    pass


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        if not any(header):
            raise HeaderError("The file is empty; it needs a header row.")
        unknown = [h for h in header if h not in COLUMNS]
        if unknown:
            raise HeaderError(
                f"Unknown columns: {', '.join(unknown)}. Known columns: {', '.join(COLUMNS)}."
            )
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise HeaderError(f"Missing required columns: {', '.join(missing)}.")
        duplicated = sorted({h for h in header if header.count(h) > 1})
        if duplicated:
            raise HeaderError(f"Columns named twice: {', '.join(duplicated)}.")
        rows = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                rows.append(Row(reader.line_num, {"__width__": str(len(cells))}))
                continue
            rows.append(
                Row(reader.line_num, {h: c.strip() for h, c in zip(header, cells, strict=True)})
            )
    return header, rows


def _check_row(row: Row, header: list[str], seen: dict[str, int], time_zones: set[str]):
    """Problems with one row on its own (managers and departments are checked together)."""
    if "__width__" in row.values:
        return [f"has {row.values['__width__']} cells; the header has {len(header)}"]
    problems = []
    username = row.get("username")
    if not username:
        problems.append("username is empty")
    else:
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            problems.append(f"username {username!r} may only hold letters, digits and @.+-_")
        if username in seen:
            problems.append(f"username {username!r} already appears on line {seen[username]}")
        else:
            seen[username] = row.line
    if not row.get("name"):
        problems.append("name is empty")
    for column, limit in LIMITS.items():
        if len(row.get(column)) > limit:
            problems.append(f"{column} is longer than {limit} characters")
    email = row.get("email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"invalid email {email!r}")
    country, city, tz = row.get("country"), row.get("city"), row.get("time_zone")
    if country and (len(country) != 2 or not country.isalpha()):
        problems.append(f"country {country!r} is not a two-letter ISO code such as SE")
    if tz and tz not in time_zones:
        problems.append(f"unknown time zone {tz!r} (use an IANA name such as Europe/Stockholm)")
    if bool(country) != bool(city):
        problems.append("country and city go together: give both or neither")
    elif country and city and not tz:
        known = Location.objects.filter(country=country.upper(), city=city).exists()
        if not known:
            problems.append(f"{city}, {country.upper()} is a new location: give its time_zone")
    if row.get("parent_department") and not row.get("department"):
        problems.append("parent_department without a department")
    if row.get("department") and row.get("department") == row.get("parent_department"):
        problems.append("a department cannot be its own parent")
    return problems


def _manager_problems(rows: list[Row], header: list[str]) -> dict[int, list[str]]:
    """Unknown managers and reporting loops, on the organisation as it will be."""
    problems: dict[int, list[str]] = {}
    if "manager" not in header:
        return problems
    in_file: dict[str, Row] = {}
    for row in rows:  # a repeated username is reported by _check_row; the first one counts
        if row.get("username"):
            in_file.setdefault(row.get("username"), row)
    wanted = {r.get("manager") for r in rows if r.get("manager")} - set(in_file)
    existing = set(Person.objects.filter(username__in=wanted).values_list("username", flat=True))
    for row in rows:
        manager = row.get("manager")
        if manager and manager not in in_file and manager not in existing:
            problems.setdefault(row.line, []).append(f"unknown manager {manager!r}")
    # The manager of each person after the import: the file's word, else the database's.
    final: dict[str, str | None] = dict(
        Person.objects.filter(manager__isnull=False).values_list("username", "manager__username")
    )
    for username, row in in_file.items():
        final[username] = row.get("manager") or None
    for username, row in in_file.items():
        chain, current = [username], final.get(username)
        while current is not None and current not in chain:
            chain.append(current)
            current = final.get(current)
        if current == username:  # reported on every row that is part of the loop
            loop = " → ".join([*chain, current])
            problems.setdefault(row.line, []).append(f"manager cycle: {loop}")
    return problems


def _department_problems(rows: list[Row]) -> dict[int, list[str]]:
    problems: dict[int, list[str]] = {}
    parent_of: dict[str, tuple[str, int]] = {}
    for row in rows:
        dept, parent = row.get("department"), row.get("parent_department")
        if not dept or not parent:
            continue
        if dept in parent_of and parent_of[dept][0] != parent:
            other, line = parent_of[dept]
            problems.setdefault(row.line, []).append(
                f"department {dept!r} has parent {other!r} on line {line}, not {parent!r}"
            )
        else:
            parent_of.setdefault(dept, (parent, row.line))
    for dept, (_parent, line) in parent_of.items():
        chain, current = [dept], parent_of.get(dept, (None, 0))[0]
        while current is not None and current not in chain:
            chain.append(current)
            current = parent_of.get(current, (None, 0))[0]
        if current == dept:
            loop = " → ".join([*chain, dept])
            problems.setdefault(line, []).append(f"department cycle: {loop}")
    return problems


def validate(header: list[str], rows: list[Row]) -> list[tuple[int, str]]:
    time_zones = zoneinfo.available_timezones()
    seen: dict[str, int] = {}
    errors = [(row.line, p) for row in rows for p in _check_row(row, header, seen, time_zones)]
    for found in (_manager_problems(rows, header), _department_problems(rows)):
        errors += [(line, p) for line, problems in found.items() for p in problems]
    return sorted(errors)


def _top_down(rows: list[Row]) -> list[Row]:
    """Managers before their reports, so a manager always exists when a report names them."""
    by_username = {r.get("username"): r for r in rows}
    depth: dict[str, int] = {}

    def level(username: str) -> int:
        if username not in depth:
            manager = by_username[username].get("manager")
            depth[username] = level(manager) + 1 if manager in by_username else 0
        return depth[username]

    return sorted(rows, key=lambda r: (level(r.get("username")), r.line))


class _Writer:
    def __init__(self, header: list[str], rows: list[Row]):
        self.header = set(header)
        self.parent_of = {
            r.get("department"): r.get("parent_department")
            for r in rows
            if r.get("department") and r.get("parent_department")
        }
        self.units: dict[str, object] = {}
        self.people: dict[str, Person] = {}

    def unit(self, name: str):
        if name not in self.units:
            parent = self.parent_of.get(name)
            self.units[name] = actions.get_or_create_org_unit(
                name, parent=self.unit(parent) if parent else None
            )
        return self.units[name]

    def profile(self, row: Row) -> dict:
        """The profile fields this row sets (only the columns the file has)."""
        values = {}
        for column in ("name", "email", "job_title", "phone"):
            if column in self.header:
                values[column] = row.get(column)
        if "department" in self.header:
            values["org_unit"] = self.unit(row.get("department")) if row.get("department") else None
        if "country" in self.header or "city" in self.header:
            country, city = row.get("country"), row.get("city")
            values["location"] = (
                actions.get_or_create_location(country, city, row.get("time_zone"))
                if country and city
                else None
            )
        if "manager" in self.header:
            manager = row.get("manager")
            values["manager"] = self._person(manager) if manager else None
        return values

    def _person(self, username: str) -> Person:
        if username not in self.people:
            self.people[username] = Person.objects.get(username=username)
        return self.people[username]

    def write(self, row: Row, result: ImportResult) -> None:
        username = row.get("username")
        values = self.profile(row)
        person = Person.objects.select_related("user").filter(username=username).first()
        if person is None:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                name = values.pop("name")
                email = values.pop("email", "")
                self.people[username] = actions.create_person(username, name, email=email, **values)
                result.created += 1
                return
            person = actions.ensure_person(user, name=values.get("name"))
        changes = {k: v for k, v in values.items() if getattr(person, k) != v}
        if changes:
            person = actions.update_profile(person, person, **changes)
            result.updated += 1
        else:
            result.unchanged += 1
        self.people[username] = person


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


def import_people(path: Path, *, dry_run: bool = False, progress=None) -> ImportResult:
    """Check the file, then (unless ``dry_run``) import it in one transaction.

    Raises HeaderError for an unusable header; row problems come back in ``result.errors``.
    ``progress`` is called once per row written (for a progress bar).
    """
    header, rows = read_rows(Path(path))
    result = ImportResult(rows=len(rows), dry_run=dry_run)
    result.errors = validate(header, rows)
    if result.errors:
        return result
    with transaction.atomic():
        writer = _Writer(header, rows)
        for row in _top_down(rows):
            try:
                with transaction.atomic():
                    writer.write(row, result)
            except ValidationError as error:
                result.errors.append((row.line, _messages(error)))
            if progress:
                progress()
        result.errors.sort()
        if dry_run or result.errors:
            transaction.set_rollback(True)
    return result
