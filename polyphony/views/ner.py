"""`ner` rows: one per sentence, tokens with BIO tags of name and time mentions, plus every
(nested) mention as a token span."""

from __future__ import annotations

from typing import Any

from ..schema import inventory
from .layout import Layout


def ner_tag_names() -> list[str]:
    """BIO tag names in ClassLabel order: O, then B-/I- per entity type in schema order."""
    names = ["O"]
    for entity_type in inventory().entity_types:
        names += [f"B-{entity_type}", f"I-{entity_type}"]
    return names


def is_flat(mention: dict[str, Any]) -> bool:
    """Mentions that make up the flat NER layer: names and times (never overlapping)."""
    return mention["level"] == "NAM" or mention["type"] == "TIME"


def ner_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    layout = Layout(doc)
    rows = []
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for m in doc.get("mentions", ()):
        by_sentence.setdefault(layout.sentence_of(m["start"]), []).append(m)
    for index in range(len(layout.sentences)):
        first, last = layout.sentence_tokens(index)
        tags = ["O"] * (last - first)
        mentions = []
        for m in by_sentence.get(index, ()):
            a, b = layout.token_span(m["start"], m["end"])
            if is_flat(m):
                tags[a - first] = f"B-{m['type']}"
                for k in range(a + 1, b):
                    tags[k - first] = f"I-{m['type']}"
            mentions.append(
                {
                    "mention_id": m["id"],
                    "entity_id": layout.entity_of.get(m["id"]),
                    "start": a - first,
                    "end": b - first,
                    "type": m["type"],
                    "level": m["level"],
                    "text": m["text"],
                }
            )
        rows.append(
            {
                "id": f"{doc['id']}-s{index}",
                "document_id": doc["id"],
                "sentence_index": index,
                "tokens": layout.words(first, last),
                "token_starts": [s for s, _ in layout.tokens[first:last]],
                "token_ends": [e for _, e in layout.tokens[first:last]],
                "ner_tags": tags,
                "mentions": mentions,
            }
        )
    return rows
