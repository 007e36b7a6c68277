"""Benchmark: the span scorer against nervaluate on the same spans (identical numbers required),
and the scorer's time as documents grow.

    python benchmarks/scorer_speed.py
"""

from __future__ import annotations

import random
import time
from collections import Counter

from nervaluate import Evaluator

from polyphony.scoring.counts import nervaluate_prf
from polyphony.scoring.spans import SCHEMAS, match_schemas

LABELS = ["PER", "ORG", "GPE", "LOC"]
NERVALUATE = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def spans(rng: random.Random, length: int) -> list[tuple[int, int, str]]:
    out, position = [], 0
    while True:
        position += rng.randint(1, 6)
        width = rng.randint(1, 3)
        if position + width > length:
            return out
        out.append((position, position + width, rng.choice(LABELS)))
        position += width


def perturb(rng: random.Random, gold: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    pred, end = [], -1
    for s, e, label in gold:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            label = rng.choice(LABELS)
        elif roll < 0.3:
            e += 1
        if s >= end:
            pred.append((s, e, label))
            end = e
    return pred


def ours(gold: list, pred: list) -> dict:
    counts: dict[str, Counter] = {schema: Counter() for schema in SCHEMAS}
    for g, p in zip(gold, pred, strict=True):
        for schema, found in match_schemas(g, p).items():
            counts[schema].update(found)
    return {
        schema: nervaluate_prf(
            Counter({f"x.{k}": v for k, v in c.items()}), "x", half_credit=schema in ("partial", "type")
        )
        for schema, c in counts.items()
    }


def theirs(gold: list, pred: list) -> dict:
    def to_dicts(docs: list) -> list:
        return [[{"label": label, "start": s, "end": e - 1} for s, e, label in doc] for doc in docs]

    return Evaluator(to_dicts(gold), to_dicts(pred), tags=LABELS, loader="dict").evaluate()["overall"]


def timed(fn, *args) -> tuple[float, object]:  # noqa: ANN001
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> None:
    rng = random.Random(7)
    gold = [spans(rng, 500) for _ in range(1000)]  # 500k tokens, as in ANCHORS
    pred = [perturb(rng, doc) for doc in gold]
    t_ours, a = timed(ours, gold, pred)
    t_theirs, b = timed(theirs, gold, pred)
    for schema in SCHEMAS:
        ref = b[NERVALUATE[schema]]
        assert (
            a[schema]["correct"],
            a[schema]["incorrect"],
            a[schema]["partial"],
            a[schema]["missed"],
            a[schema]["spurious"],
        ) == (ref.correct, ref.incorrect, ref.partial, ref.missed, ref.spurious), schema
        assert abs(a[schema]["f1"] - ref.f1) < 1e-12
    print(
        f"1,000 documents x 500 tokens ({sum(map(len, gold)):,} gold spans), four schemas: "
        f"polyphony {t_ours:.3f} s, nervaluate {t_theirs:.3f} s, {t_theirs / t_ours:.0f}x faster, identical counts and F1"
    )
    print("time as one document grows (tokens: polyphony s / nervaluate s):")
    for length in (2_500, 5_000, 10_000, 20_000, 40_000):
        g = [spans(rng, length)]
        p = [perturb(rng, g[0])]
        t_o, _ = timed(ours, g, p)
        t_n, _ = timed(theirs, g, p) if length <= 20_000 else (float("nan"), None)
        print(f"  {length:>6,} tokens: {t_o:.4f} / {t_n:.3f}")


if __name__ == "__main__":
    main()
