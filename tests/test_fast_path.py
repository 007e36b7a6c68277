"""The reference-and-label fast path never vouches for a document the detailed checks reject."""

from __future__ import annotations

import copy
import random
from typing import Any

from polyphony.validate.fast_path import references_and_labels_ok
from polyphony.validate.labels import check_labels
from polyphony.validate.references import check_references
from polyphony.validate.structure import check_structure

FLAT_ID = "s003-hollisford-chronicle"  # no nested attributions, which the fast path leaves to the detailed one


def _detailed_ok(doc: dict[str, Any]) -> bool:
    return not (check_references(doc) or check_labels(doc))


def _corrupt(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One random change of an id, a reference, a label or a name mention's level."""
    doc = copy.deepcopy(doc)
    mention_ids = [m["id"] for m in doc["mentions"]]
    choice = rng.randrange(6)
    if choice == 0:  # a duplicate id
        layer = rng.choice(("mentions", "entities", "events"))
        doc[layer][rng.randrange(len(doc[layer]))]["id"] = rng.choice(mention_ids)
    elif choice == 1:  # a mention in two entities, or in none
        entity = rng.choice(doc["entities"])
        entity["mentions"] = entity["mentions"][1:] if rng.random() < 0.5 else [*entity["mentions"], mention_ids[0]]
    elif choice == 2:  # an argument pointing elsewhere, or with another role
        args = [a for ev in doc["events"] for a in ev["arguments"]]
        arg = rng.choice(args)
        if rng.random() < 0.5:
            arg["mention"] = rng.choice([*mention_ids, "m999"])
        else:
            arg["role"] = rng.choice(("Actor", "Target", "Place", "Time", "Recipient"))
    elif choice == 3:  # a mention's type or level changed
        mention = rng.choice(doc["mentions"])
        if rng.random() < 0.5:
            mention["type"] = rng.choice(("PER", "ORG", "GPE", "TIME", "LOC"))
        else:
            mention["level"] = rng.choice(("NAM", "NOM", "PRO"))
    elif choice == 4:  # realis and modality
        event = rng.choice(doc["events"])
        event["realis"] = rng.choice(("ACTUAL", "GENERIC", "OTHER"))
    else:  # stance references
        stance = rng.choice(doc["stances"])
        stance["target"]["id"] = rng.choice([stance["target"]["id"], "x9", *mention_ids[:2]])
    return doc


def _flat(corpus: list[dict[str, Any]]) -> dict[str, Any]:
    return next(d for d in corpus if d["id"] == FLAT_ID)


def test_fast_path_never_vouches_for_what_the_detailed_checks_reject(corpus: list[dict[str, Any]]) -> None:
    rng = random.Random(11)
    docs = [_corrupt(_flat(corpus), rng) for _ in range(300)]
    docs = [d for d in docs if not check_structure(d)]
    fast = [references_and_labels_ok(d) for d in docs]
    detailed = [_detailed_ok(d) for d in docs]
    assert sum(detailed) >= 30 and len(docs) - sum(detailed) >= 100
    assert not any(f and not d for f, d in zip(fast, detailed, strict=True))
    assert sum(f == d for f, d in zip(fast, detailed, strict=True)) >= 0.9 * len(docs)


def test_fast_path_vouches_for_a_valid_document_and_leaves_nesting_to_the_detailed_path(
    corpus: list[dict[str, Any]], seed: dict[str, Any]
) -> None:
    assert references_and_labels_ok(_flat(corpus)) and _detailed_ok(_flat(corpus))
    assert any(a["parent"] for a in seed["attributions"]) and _detailed_ok(seed)
    assert not references_and_labels_ok(seed)
