"""A generated stress corpus for the validator: valid documents with every layer, marked synthetic.

Never part of the release (the builder refuses provenance `synthetic`). Text is random words, so the
documents exercise the validator's work (spans, tiling, references, labels), not language.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from polyphony.jsonl import dumps
from polyphony.records import singleton_entities
from polyphony.schema import SCHEMA_VERSION, inventory
from polyphony.text import segment

WORDS = [
    "the",
    "convoy",
    "minister",
    "said",
    "army",
    "talks",
    "border",
    "city",
    "troops",
    "report",
    "council",
    "vote",
    "strike",
    "aid",
    "river",
]
NAMES = ["Halvara", "Kemarra", "Caldoria", "Zorvand", "Tessel", "Oskal", "Varkesh", "Dashtar"]


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def make_document(index: int, tokens_per_doc: int, rng: random.Random) -> dict[str, Any]:
    inv = inventory()
    words = []
    for i in range(tokens_per_doc):
        word = rng.choice(NAMES) if i % 7 == 3 else rng.choice(WORDS)
        words.append(word + ("." if i % 18 == 17 else ""))
    text = " ".join(words).rstrip(".") + "."
    sentences, tokens = segment(text)
    names = [(s, e) for s, e in tokens if text[s:e] in NAMES]
    mentions = [
        {"id": f"m{k + 1}", **_span(text, s, e), "type": "GPE", "level": "NAM"} for k, (s, e) in enumerate(names)
    ]
    entities = singleton_entities(mentions)
    plain = [(s, e) for s, e in tokens if text[s:e] in WORDS]
    events = []
    for k in range(max(1, len(plain) // 12)):
        s, e = plain[k * 12 % len(plain)]
        args = [{"role": "Place", "mention": mentions[k % len(mentions)]["id"]}] if mentions else []
        events.append(
            {
                "id": f"ev{k + 1}",
                "trigger": _span(text, s, e),
                "type": inv.event_types[k % len(inv.event_types)],
                "arguments": args,
                "realis": "ACTUAL",
                "polarity": "POSITIVE",
                "modality": "ASSERTED",
                "story_event": None,
            }
        )
    attributions = []
    for k, (s, e) in enumerate(sentences[: max(1, len(sentences) // 3)]):
        cue_s, cue_e = tokens[[t[0] for t in tokens].index(s)]
        content = _span(text, cue_e + 1, e)
        attributions.append(
            {
                "id": f"a{k + 1}",
                "cue": _span(text, cue_s, cue_e),
                "source": {"kind": "IMPLICIT", "mention": None},
                "source_type": "UNSPECIFIED",
                "content": [content],
                "quote_type": "INDIRECT",
                "parent": None,
                "addressee": None,
            }
        )
    stances = [
        {
            "id": "st1",
            "holder": {"kind": "WRITER", "id": None},
            "target": {"kind": "EVENT", "id": "ev1"},
            "polarity": "NEUTRAL",
            "explicitness": "IMPLICIT",
            "evidence": {"spans": [], "attributions": [attributions[0]["id"]]},
        }
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "id": f"synthetic-{index:07d}",
        "title": text.split(".")[0][:40].strip(),
        "text": text,
        "metadata": {
            "provenance": "synthetic",
            "outlet": None,
            "outlet_id": None,
            "date": "2026-01-01",
            "date_inferred": False,
            "date_note": None,
            "genre": "wire",
            "language": "en",
            "licence": {"id": "CC0-1.0", "holder": None, "note": "synthetic stress data"},
            "story_id": None,
            "source_file": None,
            "preprocessing": None,
            "annotators": [],
        },
        "sentences": [{"start": s, "end": e} for s, e in sentences],
        "tokens": [{"start": s, "end": e} for s, e in tokens],
        "mentions": mentions,
        "entities": entities,
        "events": events,
        "attributions": attributions,
        "propositions": [],
        "stances": stances,
    }


def write_stress_corpus(path: Path, documents: int, tokens_per_doc: int, seed: int = 13) -> Path:
    """Write `documents` synthetic documents; a few distinct documents are repeated with new ids."""
    rng = random.Random(seed)
    base = [make_document(i, tokens_per_doc, rng) for i in range(min(documents, 200))]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        for i in range(documents):
            doc = base[i % len(base)]
            doc["id"] = f"synthetic-{i:07d}"
            handle.write(dumps(doc) + b"\n")
    return path
