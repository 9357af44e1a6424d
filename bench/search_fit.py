"""Fit the social ranking's weights and band (kollega.search.ranking.FITTED, one entry per
database engine: run it on each) on one half of the judged queries of bench/search_eval.py,
and report nDCG@10 on the other half.

    .venv/bin/python bench/search_fit.py --db sqlite:////work/search-bench.sqlite3 \\
        --people 10000 --world-seed 1

Each query's candidates (the access-filtered pool's best RERANK text matches, as search
ranks them) and their signals are read once; then weights are tried on them in memory by
coordinate ascent over a grid, on the "fit" half of the queries: social ranking has to beat
text-only ranking in nDCG@10 on both sets, and among the weights that do, the mean of the two
gains is maximised (the smaller gain breaks ties). An earlier objective, the smaller gain
alone, gave up a large gain on one set for a small one on the other. The held-out half never
guides a choice: its figure is printed for the final weights only. The result is printed,
not written anywhere: copy the weights into ranking.py by hand, then run bench/search_eval.py
for the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
import search_eval  # noqa: E402

# A weight of 0 still breaks ties between matches of equal score (ranking.order).
GRID = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0)
BANDS = (None, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)


def doc_key(doc) -> tuple:
    if doc["item_id"]:
        return ("i", doc["item_id"])
    return ("p", doc["person_id"]) if doc["person_id"] else ("c", doc["place_id"])


def main() -> None:
    p = search_eval.parser()
    p.add_argument("--passes", type=int, default=3)
    args = p.parse_args()
    harness.setup(args.db)
    from kollega.search import ranking
    from kollega.search.queries import Filters, _pool, candidates, my_communities
    from kollega.search.querytext import parse

    loaded = []
    with search_eval.judged_sets(args) as queries:
        for q in queries:
            query = parse(q.text)
            mine = my_communities(q.viewer)
            pool, _capped = _pool(q.viewer, query, q.filters or Filters(), mine)
            cands = ranking.candidates(candidates(pool, mine))
            ranking.signals(q.viewer, cands, query.words(), mine)
            loaded.append((q, cands))

    def evaluate(weights, band, social=True, which="fit"):
        per_set: dict[str, list[float]] = {}
        for q, cands in loaded:
            if which != "all" and q.half != which:
                continue
            ranked = ranking.order(cands, social=social, weights=weights, band=band)
            keys = [doc_key(r.doc) for r in ranked if r.doc["item_id"] not in q.hide]
            per_set.setdefault(q.set, []).append(search_eval.ndcg(keys[: search_eval.K],
                                                                  q.relevant))  # fmt: skip
        means = {s: sum(v) / len(v) for s, v in per_set.items()}
        return sum(means.values()) / len(means), means

    def report(label, weights, band):
        for which in ("fit", "held-out", "all"):
            plain = evaluate(weights, band, social=False, which=which)[1]
            social = evaluate(weights, band, which=which)[1]
            pairs = [f"({s}) text {plain[s]:.3f} social {social[s]:.3f}" for s in sorted(plain)]
            print(f"{label:>10} {which:>8}: " + ", ".join(pairs))

    text_only = evaluate(None, None, social=False)[1]

    def objective(weights, band) -> tuple[float, float, float]:
        """(1 when social ranking beats text on every set, else 0; the mean gain; the
        smallest gain), compared in that order."""
        _mean, per_set = evaluate(weights, band)
        gains = [per_set[s] - text_only[s] for s in per_set]
        return float(min(gains) > 0), sum(gains) / len(gains), min(gains)

    def better(score, best) -> bool:
        for new, old in zip(score, best, strict=True):
            if new > old + 1e-9:
                return True
            if new < old - 1e-9:
                return False
        return False

    def ascend(weights, band):
        """Coordinate ascent from (weights, band): each weight, then BAND, over its grid."""
        best = objective(weights, band)
        for n in range(args.passes):
            improved = False
            for name in [*weights, "BAND"]:
                for value in BANDS if name == "BAND" else GRID:
                    trial_w = dict(weights) if name == "BAND" else {**weights, name: value}
                    trial_b = value if name == "BAND" else band
                    score = objective(trial_w, trial_b)
                    if better(score, best):
                        best, weights, band, improved = score, trial_w, trial_b, True
            print(f"  pass {n + 1}: beats text on both {bool(best[0])}, mean gain "
                  f"{best[1]:+.4f}, smallest {best[2]:+.4f}; "
                  f"BAND = {band}; WEIGHTS = {weights}")  # fmt: skip
            if not improved:
                break
        return best, weights, band

    band, weights = ranking.fitted()
    report("current", dict(weights), band)
    # Two starting points (the weights in use, and every signal at the least): coordinate
    # ascent stops at a local optimum, so the better of the two ends is kept.
    starts = [(dict(weights), band), (dict.fromkeys(weights, GRID[0]), None)]
    ends = []
    for weights, band in starts:
        print("from", weights, band)
        ends.append(ascend(weights, band))
    _best, weights, band = ends[1] if better(ends[1][0], ends[0][0]) else ends[0]
    report("fitted", weights, band)


if __name__ == "__main__":
    main()
