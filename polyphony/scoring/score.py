"""Score predicted documents against gold: match documents, validate, count, bootstrap."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import PolyphonyError
from ..jsonl import read_documents
from ..validate import validate_document
from .counts import Counts
from .layers import LAYER_COUNTERS, LAYER_KEYS
from .results import headline, results

LAYERS = ("entities", "events", "attribution", "stance")
MAX_LISTED = 20


@dataclass
class ScoreResult:
    """Per-document counts and the figures computed from their sums."""

    layers: list[str]
    doc_ids: list[str]
    per_document: list[Counts]
    scores: dict[str, Any] = field(default_factory=dict)

    def total(self, rows: np.ndarray | None = None) -> Counts:
        total: Counts = Counter()
        for i in range(len(self.per_document)) if rows is None else rows:
            total.update(self.per_document[i])
        return total


def load_documents(path: Path) -> list[dict[str, Any]]:
    """Documents of a JSON Lines file or of a release directory."""
    path = Path(path)
    if not path.exists():
        raise PolyphonyError(f"{path}: no such file or directory")
    if path.is_dir():
        import pyarrow.parquet as pq

        from ..validate.runner import release_files

        return [row for f in release_files(path) for row in pq.read_table(f).to_pylist()]
    return read_documents(path)


def _check(docs: list[dict[str, Any]], label: str, partial: bool) -> None:
    problems = [
        f.located(label, i + 1, str(d.get("id", ""))).format()
        for i, d in enumerate(docs)
        for f in validate_document(d, partial=partial)
    ]
    if problems:
        more = f"\n... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise PolyphonyError(f"{label} does not validate:\n" + "\n".join(problems[:MAX_LISTED]) + more)


def _layers_of(pred: list[dict[str, Any]], wanted: list[str] | None) -> list[str]:
    layers = []
    for layer in wanted or LAYERS:
        if layer not in LAYERS:
            raise PolyphonyError(f"unknown layer {layer!r}; expected some of {', '.join(LAYERS)}")
        have = sum(all(key in d for key in LAYER_KEYS[layer]) for d in pred)
        if have == len(pred):
            layers.append(layer)
        elif have and wanted:
            raise PolyphonyError(
                f"layer {layer}: present in {have} of {len(pred)} predicted documents; give it in all or none"
            )
        elif wanted:
            raise PolyphonyError(f"layer {layer}: the predictions do not contain it")
    if not layers:
        raise PolyphonyError("the predictions contain none of the layers " + ", ".join(LAYERS))
    return layers


def _empty_like(gold: dict[str, Any]) -> dict[str, Any]:
    return {**gold, "mentions": [], "entities": [], "events": [], "attributions": [], "propositions": [], "stances": []}


def score_documents(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    layers: list[str] | None = None,
    allow_missing: bool = False,
    gold_label: str = "gold",
    pred_label: str = "predictions",
) -> ScoreResult:
    """Score `pred` against `gold`, matching documents by id."""
    _check(pred, pred_label, partial=True)
    chosen = _layers_of(pred, layers)
    by_id = {d["id"]: d for d in pred}
    gold_ids = [d["id"] for d in gold]
    missing = [i for i in gold_ids if i not in by_id]
    extra = sorted(set(by_id) - set(gold_ids))
    if (missing or extra) and not allow_missing:
        parts = []
        if missing:
            parts.append(f"{len(missing)} gold document(s) have no prediction (first: {', '.join(missing[:5])})")
        if extra:
            parts.append(f"{len(extra)} predicted document(s) are not in the gold (first: {', '.join(extra[:5])})")
        raise PolyphonyError("; ".join(parts) + "; use --allow-missing to score missing documents as empty predictions")
    per_document = []
    for doc in gold:
        guess = by_id.get(doc["id"]) or _empty_like(doc)
        if guess["text"] != doc["text"]:
            raise PolyphonyError(
                f"{pred_label}: document {doc['id']}: its text differs from the text in {gold_label}, so offsets cannot be compared"
            )
        counts: Counts = Counter()
        for layer in chosen:
            counts.update(LAYER_COUNTERS[layer](doc, guess))
        per_document.append(counts)
    result = ScoreResult(chosen, gold_ids, per_document)
    result.scores = results(result.total(), chosen)
    result.scores["documents"] = len(gold)
    return result


def bootstrap(result: ScoreResult, resamples: int, seed: int = 0) -> dict[str, dict[str, float]]:
    """95% percentile intervals of every headline figure, resampling documents with replacement."""
    rng = np.random.default_rng(seed)
    n = len(result.per_document)
    samples: dict[str, list[float]] = {}
    for _ in range(resamples):
        rows = rng.integers(0, n, n)
        for key, value in headline(results(result.total(rows), result.layers)).items():
            samples.setdefault(key, []).append(value)
    return {k: {"low": float(np.percentile(v, 2.5)), "high": float(np.percentile(v, 97.5))} for k, v in samples.items()}


def paired_bootstrap(a: ScoreResult, b: ScoreResult, resamples: int, seed: int = 0) -> dict[str, dict[str, float]]:
    """For every headline figure: A, B, their difference and a one-sided p-value that A is not better
    than B (the share of resamples where A - B <= 0, with the usual +1 correction)."""
    if a.doc_ids != b.doc_ids:
        raise PolyphonyError("the two systems were scored on different documents")
    rng = np.random.default_rng(seed)
    n = len(a.doc_ids)
    base_a, base_b = headline(a.scores), headline(b.scores)
    not_better = Counter()
    for _ in range(resamples):
        rows = rng.integers(0, n, n)
        ha, hb = headline(results(a.total(rows), a.layers)), headline(results(b.total(rows), b.layers))
        for key in ha:
            not_better[key] += ha[key] - hb.get(key, 0.0) <= 0
    return {
        k: {
            "a": base_a[k],
            "b": base_b.get(k, 0.0),
            "delta": base_a[k] - base_b.get(k, 0.0),
            "p_value": (not_better[k] + 1) / (resamples + 1),
        }
        for k in base_a
    }


def score_files(gold: Path, pred: Path, layers: list[str] | None = None, allow_missing: bool = False) -> ScoreResult:
    return score_documents(load_documents(gold), load_documents(pred), layers, allow_missing, str(gold), str(pred))
