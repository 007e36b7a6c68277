"""The scorer against reference implementations: nervaluate's four schemas, seqeval, scikit-learn."""

from __future__ import annotations

import random

import pytest
from nervaluate import Evaluator
from seqeval.metrics import f1_score as seqeval_f1
from seqeval.scheme import IOB2
from sklearn.metrics import f1_score

from polyphony.scoring.counts import nervaluate_prf
from polyphony.scoring.results import stance_results
from polyphony.scoring.spans import SCHEMAS, match_schema

LABELS = ["PER", "ORG", "GPE"]
NERVALUATE_NAMES = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def _flat_spans(rng: random.Random, length: int) -> list[tuple[int, int, str]]:
    spans, position = [], 0
    while True:
        position += rng.randint(0, 4)
        width = rng.randint(1, 4)
        if position + width > length:
            return spans
        spans.append((position, position + width, rng.choice(LABELS)))
        position += width


def _perturb(
    rng: random.Random, gold: list[tuple[int, int, str]], length: int, flat: bool
) -> list[tuple[int, int, str]]:
    pred = []
    for s, e, label in gold:
        roll = rng.random()
        if roll < 0.15:
            continue
        if roll < 0.3:
            label = rng.choice(LABELS)
        elif roll < 0.45:
            s, e = (s + 1, e + 1) if e + 1 <= length else (s, e)
        elif roll < 0.55 and e - s > 1:
            e -= 1
        pred.append((s, e, label))
    if not flat:
        pred += _flat_spans(rng, length)[:3]
    pred = sorted(set(pred))
    if flat:  # keep predictions non-overlapping, as a BIO tagger would
        kept, end = [], -1
        for span in pred:
            if span[0] >= end:
                kept.append(span)
                end = span[1]
        pred = kept
    return pred


def _corpus(seed: int, flat: bool) -> tuple[list, list]:
    rng = random.Random(seed)
    gold = [_flat_spans(rng, 60) for _ in range(25)]
    if not flat:  # nested gold: add spans inside existing ones
        for doc in gold:
            doc += [(s, s + 1, rng.choice(LABELS)) for s, e, _ in list(doc)[:4] if e - s > 1]
            doc.sort()
    pred = [_perturb(rng, doc, 60, flat) for doc in gold]
    return gold, pred


def _as_dicts(docs: list) -> list:
    return [[{"label": label, "start": s, "end": e - 1} for s, e, label in doc] for doc in docs]  # inclusive ends


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("flat", [True, False])
def test_four_schemas_equal_nervaluate(seed: int, flat: bool) -> None:
    gold, pred = _corpus(seed, flat)
    reference = Evaluator(_as_dicts(gold), _as_dicts(pred), tags=LABELS, loader="dict").evaluate()["overall"]
    for schema in SCHEMAS:
        counts: dict = {}
        for g, p in zip(gold, pred, strict=True):
            for name, value in match_schema(g, p, schema).items():
                counts[f"x.{name}"] = counts.get(f"x.{name}", 0) + value
        from collections import Counter

        ours = nervaluate_prf(Counter(counts), "x", half_credit=schema in ("partial", "type"))
        ref = reference[NERVALUATE_NAMES[schema]]
        for name in ("correct", "incorrect", "partial", "missed", "spurious"):
            assert ours[name] == getattr(ref, name), (schema, name)
        assert ours["precision"] == pytest.approx(ref.precision)
        assert ours["recall"] == pytest.approx(ref.recall)
        assert ours["f1"] == pytest.approx(ref.f1)


def _bio(spans: list[tuple[int, int, str]], length: int) -> list[str]:
    tags = ["O"] * length
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for k in range(s + 1, e):
            tags[k] = f"I-{label}"
    return tags


@pytest.mark.parametrize("seed", range(4))
def test_strict_equals_seqeval_on_flat_data(seed: int) -> None:
    gold, pred = _corpus(seed, flat=True)
    from collections import Counter

    counts: Counter = Counter()
    for g, p in zip(gold, pred, strict=True):
        counts.update({f"x.{k}": v for k, v in match_schema(g, p, "strict").items()})
    ours = nervaluate_prf(counts, "x", half_credit=False)["f1"]
    reference = seqeval_f1([_bio(g, 60) for g in gold], [_bio(p, 60) for p in pred], mode="strict", scheme=IOB2)
    assert ours == pytest.approx(reference)


@pytest.mark.parametrize("seed", range(5))
def test_stance_macro_f1_equals_scikit_learn(seed: int) -> None:
    from collections import Counter

    rng = random.Random(seed)
    labels = ["FAVOR", "AGAINST", "NEUTRAL"]
    y_true = [rng.choice(labels[: 2 + seed % 2]) for _ in range(80)]  # odd seeds: NEUTRAL never occurs
    y_pred = [rng.choice([*labels, "NONE"]) if rng.random() < 0.4 else t for t in y_true]
    counts: Counter = Counter()
    for t, p in zip(y_true, y_pred, strict=True):
        counts["stance.pairs"] += 1
        counts["stance.correct"] += t == p
        counts[f"stance.gold.{t}"] += 1
        counts[f"stance.pred.{p}"] += 1
        counts[f"stance.tp.{t}"] += t == p
    ours = stance_results(counts)
    present = [label for label in labels if label in y_true or label in y_pred]
    assert ours["macro_f1"] == pytest.approx(f1_score(y_true, y_pred, labels=present, average="macro", zero_division=0))
    per = f1_score(y_true, y_pred, labels=labels, average=None, zero_division=0)
    assert ours["f_avg"] == pytest.approx((per[0] + per[1]) / 2)
    assert ours["accuracy"] == pytest.approx(sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / len(y_true))
