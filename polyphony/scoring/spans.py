"""The span-matching core shared by every layer.

`match_schema` reproduces nervaluate's four schemas (strict, exact, partial, ent_type) on half-open
spans, in O(n log n) per document instead of nervaluate's O(n * m): predictions are visited in
(start, end) order and each looks only at gold spans that can overlap it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence

Span = tuple[int, int, str]  # start, end (exclusive), label
SCHEMAS = ("strict", "exact", "partial", "type")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_schemas(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, Counter[str]]:
    """nervaluate counts (correct, incorrect, partial, missed, spurious) of the four schemas for one
    document. Spans are sorted once; an exact match is found by lookup, and only a prediction without
    one scans the gold spans that can overlap it."""
    gold = sorted(gold)
    pred = sorted(pred)
    starts = [g[0] for g in gold]
    longest = max((g[1] - g[0] for g in gold), default=0)
    windows = [(bisect_left(starts, ps - longest), bisect_left(starts, pe)) for ps, pe, _ in pred]
    results = {}
    for schema in SCHEMAS:
        matched = [False] * len(gold)
        index: dict[tuple, list[int]] = {}
        if schema != "type":
            for i, g in enumerate(gold):
                index.setdefault(g if schema == "strict" else g[:2], []).append(i)
        out: Counter[str] = Counter()
        for (ps, pe, pl), (lo, hi) in zip(pred, windows, strict=True):
            best = None
            if schema != "type":
                for i in index.get((ps, pe, pl) if schema == "strict" else (ps, pe), ()):
                    if not matched[i]:
                        best = i
                        break
            incorrect = None
            if best is None:
                best_distance = None
                for i in range(lo, hi):
                    gs, ge, gl = gold[i]
                    if matched[i] or ge <= ps:
                        continue
                    if schema == "type" and gl == pl:
                        distance = abs(gs - ps) + abs(ge - pe)
                        if best_distance is None or distance < best_distance:
                            best, best_distance = i, distance
                    elif incorrect is None:
                        incorrect = i
                        if schema != "type":
                            break
            if best is not None:
                matched[best] = True
                out["correct"] += 1
            elif incorrect is not None:
                matched[incorrect] = True
                out["partial" if schema == "partial" else "incorrect"] += 1
            else:
                out["spurious"] += 1
        out["missed"] += matched.count(False)
        results[schema] = out
    return results


def match_schema(gold: Sequence[Span], pred: Sequence[Span], schema: str) -> Counter[str]:
    """nervaluate counts of one schema for one document (see match_schemas)."""
    return match_schemas(gold, pred)[schema]


def exact_tp(gold: Iterable[object], pred: Iterable[object]) -> int:
    """Matches between two multisets of hashable units (spans with whatever they must agree on)."""
    return sum((Counter(gold) & Counter(pred)).values())


def overlap_pairs(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs: exact matches first, then the largest overlaps."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    exact = {}
    for j, p in enumerate(pred):
        exact.setdefault(tuple(p), []).append(j)
    for i, g in enumerate(gold):
        if exact.get(tuple(g)):
            j = exact[tuple(g)].pop()
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    candidates = sorted(
        (
            (min(g[1], p[1]) - max(g[0], p[0]), i, j)
            for i, g in enumerate(gold)
            if i not in used_g
            for j, p in enumerate(pred)
            if j not in used_p and overlaps(g, p)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return sorted(pairs)
