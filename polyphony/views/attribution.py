"""`attribution` rows: one per attribution, with offsets relative to its context (the sentences
that hold its cue, source and content)."""

from __future__ import annotations

from typing import Any

from .layout import Layout


def _relative(span: dict[str, Any], origin: int) -> dict[str, Any]:
    return {"start": span["start"] - origin, "end": span["end"] - origin, "text": span["text"]}


def _depth(attr: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> int:
    depth, parent = 0, attr["parent"]
    while parent is not None and depth < len(by_id):
        depth += 1
        parent = by_id[parent]["parent"]
    return depth


def attribution_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    layout = Layout(doc)
    by_id = {a["id"]: a for a in doc.get("attributions", ())}
    rows = []
    for at in doc.get("attributions", ()):
        source_mention = layout.mentions.get(at["source"]["mention"]) if at["source"]["mention"] else None
        spans = [at["cue"], *at["content"]] + ([source_mention] if source_mention else [])
        first = layout.sentence_of(min(s["start"] for s in spans))
        last = layout.sentence_of(max(s["end"] for s in spans) - 1)
        c_start, c_end = layout.sentences[first][0], layout.sentences[last][1]

        addressee = layout.mentions.get(at["addressee"]) if at["addressee"] else None
        rows.append(
            {
                "id": f"{doc['id']}-{at['id']}",
                "document_id": doc["id"],
                "attribution_id": at["id"],
                "context": layout.text[c_start:c_end],
                "context_start": c_start,
                "cue": _relative(at["cue"], c_start),
                "source_kind": at["source"]["kind"],
                "source": _relative(source_mention, c_start) if source_mention else None,
                "source_type": at["source_type"],
                "content": [_relative(c, c_start) for c in at["content"]],
                "quote_type": at["quote_type"],
                "parent_id": at["parent"],
                "depth": _depth(at, by_id),
                "addressee": addressee["text"] if addressee else None,
            }
        )
    return rows
