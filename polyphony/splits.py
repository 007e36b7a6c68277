"""Release splits: the seed apart, authored documents split by story (~70/10/20 by tokens)."""

from __future__ import annotations

import hashlib
from typing import Any

SEED_SPLIT = "seed"
TARGETS = {"train": 0.7, "validation": 0.1, "test": 0.2}
SPLIT_ORDER = ("train", "validation", "test", SEED_SPLIT)


def story_of(doc: dict[str, Any]) -> str:
    return doc["metadata"]["story_id"] or doc["id"]


def assign_splits(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Document id -> split. Stories are visited in an order fixed by a hash of their id and each goes
    whole to the split furthest below its token target, so no story crosses splits."""
    split: dict[str, str] = {}
    tokens_of_story: dict[str, int] = {}
    docs_of_story: dict[str, list[str]] = {}
    for doc in docs:
        if doc["metadata"]["provenance"] == "seed":
            split[doc["id"]] = SEED_SPLIT
            continue
        story = story_of(doc)
        tokens_of_story[story] = tokens_of_story.get(story, 0) + len(doc["tokens"])
        docs_of_story.setdefault(story, []).append(doc["id"])
    total = sum(tokens_of_story.values())
    assigned = dict.fromkeys(TARGETS, 0)
    for story in sorted(tokens_of_story, key=lambda s: hashlib.sha256(s.encode()).hexdigest()):
        best = max(TARGETS, key=lambda name: TARGETS[name] * total - assigned[name])
        assigned[best] += tokens_of_story[story]
        for doc_id in docs_of_story[story]:
            split[doc_id] = best
    return split
