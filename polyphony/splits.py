"""Release splits: the seed apart, authored documents split by story (~70/10/20 by tokens).

A story's split is frozen in corpus/splits.yaml once assigned, so that the corpus can grow without
moving any document between splits; only new stories are assigned, to the split furthest below its
token target.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import PolyphonyError
from .jsonl import atomic_write
from .paths import corpus_dir

SEED_SPLIT = "seed"
TARGETS = {"train": 0.7, "validation": 0.1, "test": 0.2}
SPLIT_ORDER = ("train", "validation", "test", SEED_SPLIT)
FROZEN_FILE = "splits.yaml"


def story_of(doc: dict[str, Any]) -> str:
    return doc["metadata"]["story_id"] or doc["id"]


def assign_splits(docs: list[dict[str, Any]], frozen: Mapping[str, str] | None = None) -> dict[str, str]:
    """Document id -> split. Stories in `frozen` keep their split; the others are visited in an order
    fixed by a hash of their id and each goes whole to the split furthest below its token target, so
    no story crosses splits."""
    frozen = frozen or {}
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
    split_of_story = {story: frozen[story] for story in tokens_of_story if story in frozen}
    for story, name in split_of_story.items():
        assigned[name] += tokens_of_story[story]
    new = sorted(tokens_of_story.keys() - split_of_story.keys(), key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    for story in new:
        best = max(TARGETS, key=lambda name: TARGETS[name] * total - assigned[name])
        assigned[best] += tokens_of_story[story]
        split_of_story[story] = best
    for story, doc_ids in docs_of_story.items():
        for doc_id in doc_ids:
            split[doc_id] = split_of_story[story]
    return split


def load_frozen(corpus: Path | None = None) -> dict[str, str]:
    """Story id -> split, as frozen in corpus/splits.yaml (empty if the file does not exist)."""
    path = (corpus or corpus_dir()) / FROZEN_FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise PolyphonyError(f"{path}: expected a mapping of story id to split")
    for story, name in data.items():
        if name not in TARGETS:
            raise PolyphonyError(f"{path}: story {story!r}: split {name!r} is not one of {', '.join(TARGETS)}")
    return {str(k): str(v) for k, v in data.items()}


def corpus_splits(docs: list[dict[str, Any]], corpus: Path | None = None) -> dict[str, str]:
    """Document id -> split, keeping every frozen story where it is."""
    return assign_splits(docs, load_frozen(corpus))


def unfrozen_stories(docs: list[dict[str, Any]], frozen: Mapping[str, str]) -> list[str]:
    """Stories of authored documents that corpus/splits.yaml does not list yet."""
    return sorted({story_of(d) for d in docs if d["metadata"]["provenance"] != "seed"} - frozen.keys())


def freeze_splits(docs: list[dict[str, Any]], corpus: Path | None = None) -> list[str]:
    """Add the stories not yet in corpus/splits.yaml (never moving one that is); return them."""
    frozen = load_frozen(corpus)
    split = assign_splits(docs, frozen)
    added = unfrozen_stories(docs, frozen)
    for doc in docs:
        if story_of(doc) in added:
            frozen[story_of(doc)] = split[doc["id"]]
    header = (
        "# Frozen release splits: story id -> split. A story never moves once listed; new stories are\n"
        "# added by `polyphony splits --write` (to the split furthest below its 70/10/20 token target).\n"
    )
    body = "".join(f"{story}: {frozen[story]}\n" for story in sorted(frozen))
    with atomic_write((corpus or corpus_dir()) / FROZEN_FILE) as handle:
        handle.write((header + body).encode())
    return added
