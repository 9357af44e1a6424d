"""field__any_of: the same rows as __in, for short, empty and very long lists."""

import pytest

from kollega.core import lookups
from kollega.people.models import Person


@pytest.mark.django_db
def test_any_of_finds_what_in_finds(org, monkeypatch):
    ids = [org.alice.pk, org.dana.pk, 10**9]
    expected = set(Person.objects.filter(pk__in=ids).values_list("pk", flat=True))
    assert set(Person.objects.filter(pk__any_of=ids).values_list("pk", flat=True)) == expected
    assert expected == {org.alice.pk, org.dana.pk}
    # Through a foreign key too, and with an empty list (nothing matches).
    assert Person.objects.filter(manager_id__any_of=[org.alice.pk]).count() == (
        Person.objects.filter(manager=org.alice).count()
    )
    assert not Person.objects.filter(pk__any_of=[]).exists()
    # A list longer than SQLite takes as parameters goes another way, with the same answer.
    monkeypatch.setattr(lookups, "INLINE_MAX", 2)
    long = [*ids, *range(10**9 + 1, 10**9 + 40_000)]
    assert set(Person.objects.filter(pk__any_of=long).values_list("pk", flat=True)) == expected
