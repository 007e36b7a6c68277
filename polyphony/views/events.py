"""`events` rows: one per event mention, with its sentence, trigger, attributes and arguments."""

from __future__ import annotations

from typing import Any

from .layout import Layout


def sentence_mentions(layout: Layout, index: int, first: int) -> list[dict[str, Any]]:
    """The entity mentions of a sentence as token spans relative to the sentence."""
    out = []
    for m in layout.doc.get("mentions", ()):
        if layout.sentence_of(m["start"]) == index:
            a, b = layout.token_span(m["start"], m["end"])
            out.append(
                {
                    "mention_id": m["id"],
                    "start": a - first,
                    "end": b - first,
                    "type": m["type"],
                    "level": m["level"],
                    "text": m["text"],
                }
            )
    return out


def event_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    layout = Layout(doc)
    rows = []
    for ev in doc.get("events", ()):
        trig = ev["trigger"]
        index = layout.sentence_of(trig["start"])
        first, last = layout.sentence_tokens(index)
        a, b = layout.token_span(trig["start"], trig["end"])
        arguments = []
        for arg in ev["arguments"]:
            m = layout.mentions[arg["mention"]]
            ma, mb = layout.token_span(m["start"], m["end"])
            arguments.append(
                {
                    "role": arg["role"],
                    "mention_id": m["id"],
                    "start": ma - first,
                    "end": mb - first,
                    "text": m["text"],
                    "entity_type": m["type"],
                }
            )
        rows.append(
            {
                "id": f"{doc['id']}-{ev['id']}",
                "document_id": doc["id"],
                "event_id": ev["id"],
                "sentence_index": index,
                "tokens": layout.words(first, last),
                "trigger_start": a - first,
                "trigger_end": b - first,
                "trigger_text": trig["text"],
                "type": ev["type"],
                "realis": ev["realis"],
                "polarity": ev["polarity"],
                "modality": ev["modality"],
                "arguments": arguments,
                "mentions": sentence_mentions(layout, index, first),
                "story_event": ev["story_event"],
            }
        )
    return rows
