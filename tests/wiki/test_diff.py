from kollega.wiki.diff import line_diff


def test_it_marks_added_and_removed_lines_with_their_numbers():
    diff = line_diff("one\ntwo\nthree", "one\n2\nthree\nfour")
    assert (diff.added, diff.removed) == (2, 1)
    lines = [(line.op, line.old, line.new, line.text) for line in diff.hunks[0].lines]
    assert lines == [
        ("same", 1, 1, "one"),
        ("del", 2, None, "two"),
        ("add", None, 2, "2"),
        ("same", 3, 3, "three"),
        ("add", None, 4, "four"),
    ]


def test_identical_texts_have_no_hunks():
    diff = line_diff("same\ntext", "same\ntext")
    assert not diff.changed and diff.hunks == []


def test_far_apart_changes_are_separate_hunks_with_context():
    old = "\n".join(str(n) for n in range(30))
    new = old.replace("2\n", "two\n", 1).replace("27", "twenty-seven")
    diff = line_diff(old, new)
    assert len(diff.hunks) == 2
    assert diff.hunks[1].old_start == 25 and diff.hunks[1].old_count == 6


def test_large_texts_diff_quickly():
    import time

    old = "\n".join(f"line {n}" for n in range(5000))
    new = "\n".join(f"line {n * 7 % 5003}" for n in range(5000))
    start = time.perf_counter()
    line_diff(old, new)
    assert time.perf_counter() - start < 2


def test_a_small_edit_in_a_long_text_is_found_exactly():
    old = "\n".join(f"line {n}" for n in range(20000))
    new = old.replace("line 10000\n", "line ten thousand\n")
    diff = line_diff(old, new)
    assert (diff.added, diff.removed, len(diff.hunks)) == (1, 1, 1)
    assert diff.hunks[0].old_start == 9998


def test_diffs_agree_with_difflib_on_small_texts():
    import difflib

    old, new = "a\nb\nc\nd\ne\nf", "a\nc\nd\nx\ne\nf\ng"
    ours = line_diff(old, new)
    theirs = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=3))
    added = sum(1 for line in theirs if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in theirs if line.startswith("-") and not line.startswith("---"))
    assert (ours.added, ours.removed) == (added, removed)


def _sides(diff):
    lines = [line for hunk in diff.hunks for line in hunk.lines]
    old = [line.text for line in lines if line.op != "add"]
    new = [line.text for line in lines if line.op != "del"]
    return old, new


def test_with_full_context_the_diff_rebuilds_both_texts():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    text = st.lists(st.sampled_from(["a", "b", "c", "", "# head"]), max_size=40).map("\n".join)

    @settings(max_examples=60, deadline=None)
    @given(text, text)
    def check(old, new):
        diff = line_diff(old, new, context=10**6)
        if diff.changed:
            assert _sides(diff) == (old.splitlines(), new.splitlines())

    check()
