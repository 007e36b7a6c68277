"""Counts are summed over documents; every figure is computed from summed counts (micro), so a
bootstrap resample only has to sum different rows."""

from __future__ import annotations

from collections import Counter

Counts = Counter  # metric key -> number; keys look like "entities.strict.correct"


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(counts: Counts, key: str) -> dict[str, float]:
    """Precision, recall, F1 from `key.tp`, `key.pred`, `key.gold`."""
    tp, pred, gold = counts[f"{key}.tp"], counts[f"{key}.pred"], counts[f"{key}.gold"]
    p, r = ratio(tp, pred), ratio(tp, gold)
    return {"precision": p, "recall": r, "f1": f1(p, r), "tp": tp, "pred": pred, "gold": gold}


def nervaluate_prf(counts: Counts, key: str, half_credit: bool) -> dict[str, float]:
    """The MUC-style figures of nervaluate: COR, INC, PAR, MIS, SPU; partial credit halves PAR."""
    cor, inc, par, mis, spu = (counts[f"{key}.{n}"] for n in ("correct", "incorrect", "partial", "missed", "spurious"))
    actual, possible = cor + inc + par + spu, cor + inc + par + mis
    credit = cor + 0.5 * par if half_credit else cor
    p, r = ratio(credit, actual), ratio(credit, possible)
    return {
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
        "correct": cor,
        "incorrect": inc,
        "partial": par,
        "missed": mis,
        "spurious": spu,
        "actual": actual,
        "possible": possible,
    }


def add_prf(counts: Counts, key: str, tp: float, pred: float, gold: float) -> None:
    counts[f"{key}.tp"] += tp
    counts[f"{key}.pred"] += pred
    counts[f"{key}.gold"] += gold
