"""The JSON Schema and the label inventories it defines (the one source of truth for labels)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .paths import schema_path

SCHEMA_VERSION = "1.0"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The document schema as a dict."""
    with open(schema_path(), encoding="utf-8") as handle:
        return json.load(handle)


def _defs() -> dict[str, Any]:
    return load_schema()["$defs"]


def labels(name: str) -> list[str]:
    """The values of the enum defined as $defs[name], in schema order."""
    return list(_defs()[name]["enum"])


def descriptions(name: str) -> dict[str, str]:
    """One line per label of $defs[name]."""
    return dict(_defs()[name].get("x-descriptions", {}))


@dataclass(frozen=True)
class Inventory:
    """Every label inventory of the schema, read once."""

    entity_types: tuple[str, ...]
    mention_levels: tuple[str, ...]
    event_types: tuple[str, ...]
    roles: tuple[str, ...]
    roles_by_event_type: dict[str, tuple[str, ...]]
    entity_types_by_role: dict[str, tuple[str, ...]]
    realis: tuple[str, ...]
    polarity: tuple[str, ...]
    modality: tuple[str, ...]
    modalities_by_realis: dict[str, tuple[str, ...]]
    source_kinds: tuple[str, ...]
    source_types: tuple[str, ...]
    source_types_by_kind: dict[str, tuple[str, ...]]
    quote_types: tuple[str, ...]
    holder_kinds: tuple[str, ...]
    target_kinds: tuple[str, ...]
    stance_polarities: tuple[str, ...]
    explicitness: tuple[str, ...]
    genres: tuple[str, ...]
    provenances: tuple[str, ...]
    plover: dict[str, str | None]
    ace: dict[str, tuple[str, ...]]


def _tuple_map(raw: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(value) for key, value in raw.items()}


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    """The label inventories of the schema."""
    d = _defs()
    return Inventory(
        entity_types=tuple(d["EntityType"]["enum"]),
        mention_levels=tuple(d["MentionLevel"]["enum"]),
        event_types=tuple(d["EventType"]["enum"]),
        roles=tuple(d["Role"]["enum"]),
        roles_by_event_type=_tuple_map(d["EventType"]["x-roles"]),
        entity_types_by_role=_tuple_map(d["Role"]["x-entity-types"]),
        realis=tuple(d["Realis"]["enum"]),
        polarity=tuple(d["Polarity"]["enum"]),
        modality=tuple(d["Modality"]["enum"]),
        modalities_by_realis=_tuple_map(d["Modality"]["x-realis"]),
        source_kinds=tuple(d["SourceKind"]["enum"]),
        source_types=tuple(d["SourceType"]["enum"]),
        source_types_by_kind=_tuple_map(d["SourceType"]["x-source-kinds"]),
        quote_types=tuple(d["QuoteType"]["enum"]),
        holder_kinds=tuple(d["HolderKind"]["enum"]),
        target_kinds=tuple(d["TargetKind"]["enum"]),
        stance_polarities=tuple(d["StancePolarity"]["enum"]),
        explicitness=tuple(d["Explicitness"]["enum"]),
        genres=tuple(d["Genre"]["enum"]),
        provenances=tuple(d["Provenance"]["enum"]),
        plover=dict(d["EventType"]["x-plover"]),
        ace=_tuple_map(d["EventType"]["x-ace"]),
    )
