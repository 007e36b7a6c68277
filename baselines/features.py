"""Hand-made token features shared by the taggers."""

from __future__ import annotations

import re
from typing import Any

HEDGES = {
    "reportedly",
    "apparently",
    "allegedly",
    "may",
    "might",
    "could",
    "possibly",
    "unconfirmed",
    "believed",
    "suspected",
}
FUTURE = {"will", "would", "plans", "planned", "scheduled", "expected", "intends", "next", "upcoming", "shall"}
DESIRE = {"demand", "demanded", "demands", "urged", "called", "wants", "want", "calls", "pressure", "asked", "sought"}
NEGATION = {"not", "no", "never", "n't", "without", "denied", "refused", "nor"}
CONDITIONAL = {"if", "unless", "whether", "right", "possible", "threatens", "threatened", "risk"}


def shape(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word))))


def token_features(words: list[str], i: int) -> dict[str, Any]:
    """Features of token i of a sentence: the word, its form and its neighbours."""
    word = words[i]
    lower = word.lower()
    feats: dict[str, Any] = {
        "bias": 1.0,
        "w": lower,
        "suf2": lower[-2:],
        "suf3": lower[-3:],
        "pre3": lower[:3],
        "shape": shape(word),
        "title": word.istitle(),
        "upper": word.isupper() and len(word) > 1,
        "digit": word.isdigit(),
        "first": i == 0,
    }
    for offset in (-2, -1, 1, 2):
        j = i + offset
        other = words[j].lower() if 0 <= j < len(words) else ("<s>" if j < 0 else "</s>")
        feats[f"w{offset:+d}"] = other
        if 0 <= j < len(words):
            feats[f"title{offset:+d}"] = words[j].istitle()
    feats["w-1|w"] = f"{feats['w-1']}|{lower}"
    feats["w|w+1"] = f"{lower}|{feats['w+1']}"
    return feats


def window_words(words: list[str], start: int, end: int, width: int = 4) -> list[str]:
    return [w.lower() for w in words[max(0, start - width) : start] + words[end : end + width]]


def cue_words(words: list[str]) -> dict[str, bool]:
    lowered = {w.lower() for w in words}
    return {
        "hedge": bool(lowered & HEDGES),
        "future": bool(lowered & FUTURE),
        "desire": bool(lowered & DESIRE),
        "negation": bool(lowered & NEGATION),
        "conditional": bool(lowered & CONDITIONAL),
    }


def bio_decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans (first, last+1, label) from BIO tags; a stray I- starts a span (conlleval style)."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and label == tag[2:]
        if start is not None and not inside:
            spans.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and not inside):
            start, label = i, tag[2:]
    return spans
