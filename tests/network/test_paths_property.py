"""The path finder's answers are real shortest paths, on random graphs."""

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from kollega.network.paths import find_paths


def bfs_distance(graph, source, target, limit=3):
    seen, queue = {source: 0}, deque([source])
    while queue:
        node = queue.popleft()
        if node == target:
            return seen[node]
        if seen[node] == limit:
            continue
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return None


def graphs():
    nodes = st.integers(min_value=0, max_value=14)
    return st.lists(st.tuples(nodes, nodes), max_size=45).map(to_graph)


def to_graph(edges):
    graph = {}
    for a, b in edges:
        if a != b:
            graph.setdefault(a, set()).add(b)
            graph.setdefault(b, set()).add(a)
    return graph


def finder(graph, **kwargs):
    def neighbours(n):
        return set(graph.get(n, ()))

    def edges_between(a, b):
        return [(x, y) for x in a for y in graph.get(x, ()) if y in b]

    return lambda s, t: find_paths(s, t, neighbours, edges_between, **kwargs)


@settings(max_examples=300, deadline=None)
@given(graphs(), st.integers(0, 14), st.integers(0, 14))
def test_paths_are_real_and_shortest(graph, source, target):
    result = finder(graph)(source, target)
    expected = bfs_distance(graph, source, target)
    assert result.hops == expected
    if expected is None:
        assert result.paths == []
        return
    assert result.paths, "a connected pair has at least one path"
    for path in result.paths:
        assert path[0] == source and path[-1] == target
        assert len(path) == expected + 1
        assert len(set(path)) == len(path), "no person twice on a path"
        for a, b in zip(path, path[1:], strict=False):
            assert b in graph.get(a, ()), "every step is a real contact"


@settings(max_examples=200, deadline=None)
@given(graphs(), st.integers(0, 14), st.integers(0, 14), st.sets(st.integers(0, 14)))
def test_hidden_contacts_never_appear_on_a_path(graph, source, target, hidden):
    hidden.discard(source)

    def allowed(a, b):
        return source in (a, b) or a not in hidden or b not in hidden

    result = finder(graph, allowed_edge=allowed)(source, target)
    for path in result.paths:
        for a, b in zip(path, path[1:], strict=False):
            assert allowed(a, b)


@settings(max_examples=200, deadline=None)
@given(graphs(), st.integers(0, 14), st.integers(0, 14))
def test_shared_contacts_are_counted_exactly(graph, source, target):
    result = finder(graph)(source, target)
    if source != target:
        shared = (graph.get(source, set()) & graph.get(target, set())) - {source, target}
        assert result.shared_contacts == len(shared)
