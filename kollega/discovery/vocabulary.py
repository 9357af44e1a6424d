"""From free text to topics: the words of a question matched against the tag vocabulary.

A question says "how do we tune our machine learning pipeline in Spark?": the tags are
``machine-learning`` and ``spark``. Words and runs of two or three words (joined with "-",
as tag names are) are looked up among existing tags in one query; a plain plural also tries
its singular. Title words count more than body words, tags the asker typed most.
"""

from __future__ import annotations

import re

from django.db.models import Count, Max

from kollega.core.tags import MAX_TAG_LENGTH
from kollega.discovery.models import Expertise

MAX_TEXT = 20_000
MAX_CANDIDATES = 400
TAG_WEIGHT = 1.0
TITLE_WEIGHT = 0.9
BODY_WEIGHT = 0.6

_WORD = re.compile(r"[^\W_][\w.+#-]*", re.UNICODE)
STOPWORDS = frozenset(
    """a about after again all also am an and any are as at be because been before being
    best but by can could did do does doing done for from get getting got had has have having
    he her here hers him his how i if in into is it its just know knows let like me more most
    my need no not now of off on once one only or other our out over own please same she
    should so some such than thanks that the their them then there these they this those
    through to too under until up us very was we well were what when where which while who
    whom why will with would yes you your anyone someone somebody help question questions
    work working use using used way ways thing things""".split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    found = []
    for match in _WORD.finditer((text or "")[:MAX_TEXT].lower()):
        word = match.group().strip(".-+")
        if word and len(word) <= MAX_TAG_LENGTH:
            found.append(word)
    return found


def candidates(text: str) -> list[str]:
    """Possible tag names in ``text``: words, their singulars, and 2- and 3-word runs."""
    seq = words(text)
    out: dict[str, None] = {}
    for i, word in enumerate(seq):
        if word not in STOPWORDS:
            out[word] = None
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                out[word[:-1]] = None
        for n in (2, 3):
            run = seq[i : i + n]
            # Runs may start with a stopword: "a b testing" is the tag a-b-testing.
            if len(run) == n:
                out["-".join(run)] = None
        if len(out) >= MAX_CANDIDATES:
            break
    return list(out)[:MAX_CANDIDATES]


def topic_weights(title: str = "", body: str = "", tags: list[str] = ()) -> dict[int, float]:
    """{tag id: weight per point of expertise score} for a question's topics (one query).

    Each topic's weight is scaled by how specific it is: a tag hundreds of people claim
    (analytics) says less about who to ask than one a few people know (cryptography).
    """
    by_name: dict[str, float] = {}
    for name, weight in (
        *((n, BODY_WEIGHT) for n in candidates(body)),
        *((n, TITLE_WEIGHT) for n in candidates(title)),
        *((n.lower(), TAG_WEIGHT) for n in tags),
    ):
        by_name[name] = max(weight, by_name.get(name, 0.0))
    if not by_name:
        return {}
    stats = {
        row["tag_id"]: row
        for row in Expertise.objects.filter(tag__name__in=list(by_name))
        .values("tag_id", "tag__name")
        .annotate(n=Count("id"), top=Max("score"))
    }
    if not stats:
        return {}
    rarest = min(row["n"] for row in stats.values())
    # Divided by the topic's best score, each topic contributes at most its weight: the
    # company's dbt oracle mentioned in passing in the body does not outrank the airflow
    # expert the title asks for.
    return {
        pk: by_name[row["tag__name"]] * specificity(row["n"], rarest) / (row["top"] or 1.0)
        for pk, row in stats.items()
    }


def specificity(people_with_tag: int, rarest: int) -> float:
    """1.0 for the rarest topic in the question, less for topics many more people have
    (ten times as many: 0.56), relative so it means the same in any size of organisation."""
    return (rarest / people_with_tag) ** 0.25
