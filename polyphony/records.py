"""Canonical records built in code (compiler, importers, baselines, stress data), in the schema's key order."""

from __future__ import annotations

from typing import Any


def entity_record(
    entity_id: str,
    entity_type: str,
    name: str,
    mentions: list[str],
    world_id: str | None = None,
    wikidata: str | None = None,
    value: str | None = None,
) -> dict[str, Any]:
    """One entity of a document."""
    return {
        "id": entity_id,
        "type": entity_type,
        "name": name,
        "mentions": mentions,
        "world_id": world_id,
        "wikidata": wikidata,
        "value": value,
    }


def singleton_entities(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entity per mention, named by its text (for output that does not resolve coreference)."""
    return [entity_record(f"e{k + 1}", m["type"], m["text"], [m["id"]]) for k, m in enumerate(mentions)]
