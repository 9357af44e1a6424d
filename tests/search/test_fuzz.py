"""Whatever is typed into the box, search and suggestions answer (never an exception)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kollega.search.queries import search
from kollega.search.querytext import parse, to_fts5, to_websearch
from kollega.search.suggest import suggest

NASTY = ['"', '""', "(", ")", "a OR", "OR", "-", "--x", "NOT a", "a AND", "NEAR(a b)", "x*",
         "*", "^a", "col:a", "{title}: a", "\x00", "a\x00b", "'; DROP TABLE x; --", "\\",
         "a" * 5000, "é" * 700, "🙂 emoji", '"unbalanced phrase', "a:*", "!&|<->", "ＡＢＣ",
         "title:x", "\u202e", "OR OR OR", "- - -"]  # fmt: skip

query_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(list("\"()-*:^{}OR NOTAND\x00!&|<>'\\ab")), max_size=60),
    st.sampled_from(NASTY),
)


@pytest.mark.parametrize("text", NASTY)
def test_nasty_input_never_raises(indexed, text):
    search(indexed.dana, text)
    suggest(indexed.dana, text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=query_text)
def test_arbitrary_strings_never_raise(indexed, text):
    found = search(indexed.dana, text)
    assert found.total >= 0
    suggest(indexed.dana, text)


@given(text=st.text(max_size=300))
def test_parsed_queries_only_hold_quoted_words(text):
    query = parse(text)
    for group in query.groups:
        for term in group:
            assert all(w.isalnum() for w in term.words)
    assert "\x00" not in to_fts5(query) and "\x00" not in to_websearch(query)
