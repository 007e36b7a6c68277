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


def test_frozen_stories_never_move_when_the_corpus_grows() -> None:
    docs = [_doc(f"d{i}", f"s{i % 17}", 50 + i) for i in range(80)]
    before = assign_splits(docs)
    frozen = {d["metadata"]["story_id"]: before[d["id"]] for d in docs}
    # Longer articles for some stories, and a new story: unfrozen, the greedy assignment reshuffles.
    grown = [
        _doc(d["id"], d["metadata"]["story_id"], len(d["tokens"]) * (5 if i % 4 == 0 else 1))
        for i, d in enumerate(docs)
    ]
    grown += [_doc("new-1", "s-new", 400), _doc("new-2", "s-new", 300)]
    assert any(assign_splits(grown)[k] != v for k, v in before.items())  # what freezing prevents
    after = assign_splits(grown, frozen)
    assert all(after[doc_id] == split for doc_id, split in before.items())
    assert after["new-1"] == after["new-2"] in TARGETS


def test_corpus_stories_are_all_frozen() -> None:
    from polyphony.cli import main

    assert main(["-q", "splits"]) == 0, "run `polyphony splits --write`"


def test_unknown_split_in_the_frozen_file_is_a_clear_error(tmp_path) -> None:
    import pytest

    from polyphony.errors import PolyphonyError
    from polyphony.splits import load_frozen

    (tmp_path / "splits.yaml").write_text("story-001: dev\n")
    with pytest.raises(PolyphonyError, match="story 'story-001': split 'dev' is not one of train, validation, test"):
        load_frozen(tmp_path)
