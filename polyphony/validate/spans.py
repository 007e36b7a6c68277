"""Every annotated span of a document, with its JSON path (shared by the text and label levels)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_spans(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(json path, span) for mentions, triggers, cues, contents and evidence spans."""
    for i, m in enumerate(doc.get("mentions", ())):
        yield f"$.mentions[{i}]", m
    for i, ev in enumerate(doc.get("events", ())):
        yield f"$.events[{i}].trigger", ev["trigger"]
    for i, at in enumerate(doc.get("attributions", ())):
        yield f"$.attributions[{i}].cue", at["cue"]
        for k, c in enumerate(at["content"]):
            yield f"$.attributions[{i}].content[{k}]", c
    for i, st in enumerate(doc.get("stances", ())):
        for k, s in enumerate(st["evidence"]["spans"]):
            yield f"$.stances[{i}].evidence.spans[{k}]", s


def all_spans(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The spans of iter_spans, in the same order, without building their paths (the fast path)."""
    spans = list(doc.get("mentions", ()))
    spans += (ev["trigger"] for ev in doc.get("events", ()))
    for at in doc.get("attributions", ()):
        spans.append(at["cue"])
        spans += at["content"]
    for st in doc.get("stances", ()):
        spans += st["evidence"]["spans"]
    return spans
