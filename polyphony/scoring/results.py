"""Figures from summed counts: the JSON the scorer prints (the keys issue #4 names)."""

from __future__ import annotations

from typing import Any

from ..schema import inventory
from .counts import Counts, f1, nervaluate_prf, prf, ratio
from .spans import SCHEMAS


def entity_results(c: Counts) -> dict[str, Any]:
    out: dict[str, Any] = {s: nervaluate_prf(c, f"entities.{s}", half_credit=s in ("partial", "type")) for s in SCHEMAS}
    per_type = {t: prf(c, f"entities.per_type.{t}") for t in inventory().entity_types}
    present = [v for v in per_type.values() if v["gold"] or v["pred"]]
    out["per_type"] = per_type
    out["macro"] = {
        "precision": sum(v["precision"] for v in present) / len(present) if present else 0.0,
        "recall": sum(v["recall"] for v in present) / len(present) if present else 0.0,
        "f1": sum(v["f1"] for v in present) / len(present) if present else 0.0,
        "types": len(present),
    }
    return out


def event_results(c: Counts) -> dict[str, Any]:
    keys = ("trigger_identification", "trigger_classification", "argument_identification", "argument_classification")
    out: dict[str, Any] = {k: prf(c, f"events.{k}") for k in keys}
    out["realis"] = {
        "accuracy": ratio(c["events.realis.correct"], c["events.realis.total"]),
        "correct": c["events.realis.correct"],
        "matched_triggers": c["events.realis.total"],
    }
    return out


def attribution_results(c: Counts) -> dict[str, Any]:
    out: dict[str, Any] = {
        role: {kind: prf(c, f"attribution.{role}.{kind}") for kind in ("exact", "overlap")}
        for role in ("cue", "source", "content")
    }
    out["full"] = prf(c, "attribution.full")
    return out


def stance_results(c: Counts) -> dict[str, Any]:
    per_class = {}
    for label in inventory().stance_polarities:
        p = ratio(c[f"stance.tp.{label}"], c[f"stance.pred.{label}"])
        r = ratio(c[f"stance.tp.{label}"], c[f"stance.gold.{label}"])
        per_class[label] = {"precision": p, "recall": r, "f1": f1(p, r), "support": c[f"stance.gold.{label}"]}
    # Macro over the classes that occur in the gold or the predictions: a class absent from both has no
    # defined F1 (scikit-learn's f1_score with labels= those classes); f_avg keeps SemEval-2016's formula.
    present = [label for label in per_class if c[f"stance.gold.{label}"] or c[f"stance.pred.{label}"]]
    f1s = [per_class[label]["f1"] for label in present]
    return {
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "f_avg": (per_class["FAVOR"]["f1"] + per_class["AGAINST"]["f1"]) / 2,
        "accuracy": ratio(c["stance.correct"], c["stance.pairs"]),
        "pairs": c["stance.pairs"],
        "missing_pairs": c["stance.pred.NONE"],
        "per_class": per_class,
        "tuple": prf(c, "stance.tuple"),
    }


RESULTS = {
    "entities": entity_results,
    "events": event_results,
    "attribution": attribution_results,
    "stance": stance_results,
}


def results(counts: Counts, layers: list[str]) -> dict[str, Any]:
    return {layer: RESULTS[layer](counts) for layer in layers}


def headline(result: dict[str, Any]) -> dict[str, float]:
    """The figures a table reports and the bootstrap resamples: path -> value."""
    out: dict[str, float] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("f1", "accuracy", "macro_f1", "f_avg") and isinstance(value, float):
                    out[f"{path}.{key}" if path else key] = value
                elif isinstance(value, dict) and key not in ("per_type", "per_class"):
                    walk(value, f"{path}.{key}" if path else key)

    walk(result, "")
    return out
