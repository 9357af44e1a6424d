from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """One small demo organisation for a whole module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed", people=60, items=600, seed=3, verbosity=0, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
