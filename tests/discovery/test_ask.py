"""Ask suggestions: the expert first, each suggestion explained, the path shown."""

from kollega.discovery.ask import suggest
from kollega.discovery.vocabulary import candidates
from kollega.network.actions import set_privacy
from kollega.people.models import Audience


def names(found):
    return [s.person.username for s in found]


def test_the_planted_expert_comes_first_from_the_words_alone(experts):
    found = suggest(experts.alice, title="How do we upgrade Kubernetes without downtime?")
    assert names(found)[:2] == ["charlie", "bob"]


def test_tags_alone_find_the_expert(experts):
    assert names(suggest(experts.dana, title="Help", tags="kubernetes"))[0] == "charlie"


def test_the_asker_is_never_suggested(experts):
    assert "charlie" not in names(suggest(experts.charlie, title="kubernetes"))


def test_each_suggestion_explains_itself(experts):
    charlie = suggest(experts.alice, title="kubernetes pods")[0]
    assert charlie.reasons[0].startswith("kubernetes: 1 accepted answer, tagged by 2 colleagues")
    assert any("answers questions in" in r for r in charlie.reasons)
    assert "you both know Bob Brown" in charlie.reasons


def test_the_path_goes_through_shared_contacts(experts):
    charlie = suggest(experts.alice, title="kubernetes")[0]
    assert charlie.hops == 2
    assert [p.username for p in charlie.path] == ["alice", "bob", "charlie"]
    bob = suggest(experts.alice, title="kubernetes")[1]
    assert (bob.hops, [p.username for p in bob.path]) == (1, ["alice", "bob"])


def test_a_hidden_network_is_not_revealed_on_the_path(experts):
    set_privacy(experts.bob, network_visibility=Audience.ME)
    set_privacy(experts.charlie, network_visibility=Audience.ME)
    charlie = suggest(experts.dana, title="kubernetes")[0]
    assert charlie.path == [] and charlie.shared == []


def test_nothing_matches_nothing(experts):
    assert suggest(experts.alice, title="") == []
    assert suggest(experts.alice, title="lunch plans on friday") == []
    assert suggest(experts.alice, title='"((( OR * -- \x00', body="\u2603" * 5000) == []


def test_multi_word_tags_are_found_in_text():
    found = candidates("Any tips on machine learning and A/B testing?")
    assert "machine-learning" in found and "a-b-testing" in found


def test_suggestions_take_a_fixed_number_of_queries(experts, django_assert_max_num_queries):
    suggest(experts.alice, title="kubernetes")
    with django_assert_max_num_queries(12):
        suggest(experts.dana, title="kubernetes upgrade", body="pods", tags="kubernetes")


def test_three_steps_away_shows_the_whole_path(experts, django_assert_max_num_queries):
    from tests.discovery.conftest import connect

    connect(experts.dana, experts.alice)
    suggest(experts.dana, title="kubernetes")
    with django_assert_max_num_queries(14):
        charlie = suggest(experts.dana, title="kubernetes")[0]
    assert charlie.hops == 3
    assert [p.username for p in charlie.path] == ["dana", "alice", "bob", "charlie"]
    assert "connected through 2 people" in charlie.reasons
