"""The vectorised text fast path never vouches for a document the detailed text check rejects."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import orjson

from polyphony.validate import validate_documents
from polyphony.validate.structure import check_structure
from polyphony.validate.text_batch import texts_ok
from polyphony.validate.text_offsets import check_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _detailed_ok(doc: dict[str, Any]) -> bool:
    return not check_text(doc)[0]


def _offset_items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    items = [*doc["tokens"], *doc["sentences"], *doc["mentions"]]
    items += [e["trigger"] for e in doc["events"]]
    for a in doc["attributions"]:
        items += [a["cue"], *a["content"]]
    return items


def _corrupt(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One random change of an offset, a stored span text or the text itself."""
    doc = copy.deepcopy(doc)
    choice = rng.randrange(4)
    if choice == 0:
        item = rng.choice(_offset_items(doc))
        item[rng.choice(("start", "end"))] += rng.choice((-2, -1, 1, 2))
    elif choice == 1:
        item = rng.choice(doc["mentions"])
        item["text"] = item["text"][:-1] + ("x" if item["text"][-1] != "x" else "y")
    elif choice == 2:
        position = rng.randrange(len(doc["text"]))
        doc["text"] = doc["text"][:position] + rng.choice((" ", "\n", "q", "\u00a0")) + doc["text"][position + 1 :]
    else:
        tokens = doc["tokens"]
        k = rng.randrange(len(tokens) - 1)
        tokens[k], tokens[k + 1] = tokens[k + 1], tokens[k]
    return doc


def test_text_fixtures_are_refused_by_the_fast_path() -> None:
    docs = []
    for path in sorted((FIXTURES / "invalid").glob("*.jsonl")):
        doc = orjson.loads(path.read_bytes().splitlines()[0]) if path.stem != "json-parse" else None
        if isinstance(doc, dict) and not check_structure(doc) and not _detailed_ok(doc):
            docs.append(doc)
    assert len(docs) >= 9  # every text-level check has its fixture
    assert not any(texts_ok(docs))


def test_fast_path_agrees_with_the_detailed_check_on_random_corruptions(minimal: dict[str, Any]) -> None:
    rng = random.Random(7)
    docs = [_corrupt(minimal, rng) if k % 3 else copy.deepcopy(minimal) for k in range(600)]
    docs = [d for d in docs if not check_structure(d)]
    flags = texts_ok(docs)  # one batch: a bad document must not hide or spoil its neighbours
    detailed = [_detailed_ok(d) for d in docs]
    assert sum(detailed) >= 200 and len(docs) - sum(detailed) >= 200
    assert flags == detailed


def test_float_offset_is_a_located_finding_not_a_crash(minimal: dict[str, Any]) -> None:
    minimal["mentions"][2]["end"] = float(minimal["mentions"][2]["end"])
    (finding,) = validate_documents([minimal])[0]
    assert (finding.check, finding.path) == ("wrong-type", "$.mentions[2].end")


def test_the_fast_span_walk_matches_the_located_one(minimal: dict[str, Any]) -> None:
    from polyphony.validate.spans import all_spans, iter_spans

    assert all_spans(minimal) == [span for _, span in iter_spans(minimal)]
    assert len(all_spans(minimal)) > len(minimal["mentions"])  # triggers, cues, contents, evidence too
