"""Splits: the seed apart, stories never split, token shares near 70/10/20."""

from __future__ import annotations

from polyphony.splits import TARGETS, assign_splits


def _doc(doc_id: str, story: str | None, tokens: int, provenance: str = "authored") -> dict:
    return {"id": doc_id, "tokens": [{}] * tokens, "metadata": {"story_id": story, "provenance": provenance}}


def test_seed_is_apart_and_stories_are_whole() -> None:
    docs = [_doc("seed", "real", 500, "seed")]
    docs += [_doc(f"d{i}-{k}", f"story-{i}", 100 + 7 * i) for i in range(60) for k in range(3)]
    split = assign_splits(docs)
    assert split["seed"] == "seed"
    for i in range(60):
        assert len({split[f"d{i}-{k}"] for k in range(3)}) == 1
    total = sum(len(d["tokens"]) for d in docs[1:])
    for name, share in TARGETS.items():
        got = sum(len(d["tokens"]) for d in docs[1:] if split[d["id"]] == name) / total
        assert abs(got - share) < 0.03, (name, got)


def test_assignment_is_deterministic_and_order_free() -> None:
    docs = [_doc(f"d{i}", f"s{i % 17}", 50 + i) for i in range(80)]
    assert assign_splits(docs) == assign_splits(list(reversed(docs)))
