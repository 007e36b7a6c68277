"""`datasets.Features` of every config: derived from the JSON Schema for `documents`, declared
with ClassLabels from the schema's inventories for the task views."""

from __future__ import annotations

from typing import Any

from datasets import ClassLabel, Features, List, Value

from ..schema import inventory, load_schema
from ..views.ner import ner_tag_names

JSON_TYPES = {
    "string": Value("string"),
    "integer": Value("int32"),
    "boolean": Value("bool"),
    "number": Value("float64"),
}


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _feature(node: dict[str, Any], schema: dict[str, Any]) -> Any:
    node = _resolve(node, schema)
    if "enum" in node or "const" in node:
        return Value("string")
    if "anyOf" in node:
        branches = [_resolve(b, schema) for b in node["anyOf"] if _resolve(b, schema).get("type") != "null"]
        return _feature(branches[0], schema)
    kind = node["type"]
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object":
        return {name: _feature(sub, schema) for name, sub in node["properties"].items()}
    if kind == "array":
        return List(_feature(node["items"], schema))
    return JSON_TYPES[kind]


def document_features() -> Features:
    """Features of a canonical document, following the schema field by field."""
    schema = load_schema()
    return Features({name: _feature(sub, schema) for name, sub in schema["properties"].items()})


def _labels(names: tuple[str, ...] | list[str]) -> ClassLabel:
    return ClassLabel(names=list(names))


def _span() -> dict[str, Value]:
    return {"start": Value("int32"), "end": Value("int32"), "text": Value("string")}


def _token_mention() -> dict[str, Any]:
    inv = inventory()
    return {
        "mention_id": Value("string"),
        "start": Value("int32"),
        "end": Value("int32"),
        "type": _labels(inv.entity_types),
        "level": _labels(inv.mention_levels),
        "text": Value("string"),
    }


def ner_features() -> Features:
    return Features(
        {
            "id": Value("string"),
            "document_id": Value("string"),
            "sentence_index": Value("int32"),
            "tokens": List(Value("string")),
            "token_starts": List(Value("int32")),
            "token_ends": List(Value("int32")),
            "ner_tags": List(_labels(ner_tag_names())),
            "mentions": List({**_token_mention(), "entity_id": Value("string")}),
        }
    )


def event_features() -> Features:
    inv = inventory()
    return Features(
        {
            "id": Value("string"),
            "document_id": Value("string"),
            "event_id": Value("string"),
            "sentence_index": Value("int32"),
            "tokens": List(Value("string")),
            "trigger_start": Value("int32"),
            "trigger_end": Value("int32"),
            "trigger_text": Value("string"),
            "type": _labels(inv.event_types),
            "realis": _labels(inv.realis),
            "polarity": _labels(inv.polarity),
            "modality": _labels(inv.modality),
            "arguments": List(
                {
                    "role": _labels(inv.roles),
                    "mention_id": Value("string"),
                    "start": Value("int32"),
                    "end": Value("int32"),
                    "text": Value("string"),
                    "entity_type": _labels(inv.entity_types),
                }
            ),
            "mentions": List(_token_mention()),
            "story_event": Value("string"),
        }
    )


def attribution_features() -> Features:
    inv = inventory()
    return Features(
        {
            "id": Value("string"),
            "document_id": Value("string"),
            "attribution_id": Value("string"),
            "context": Value("string"),
            "context_start": Value("int32"),
            "cue": _span(),
            "source_kind": _labels(inv.source_kinds),
            "source": _span(),
            "source_type": _labels(inv.source_types),
            "content": List(_span()),
            "quote_type": _labels(inv.quote_types),
            "parent_id": Value("string"),
            "depth": Value("int32"),
            "addressee": Value("string"),
        }
    )


def stance_features() -> Features:
    inv = inventory()
    return Features(
        {
            "id": Value("string"),
            "document_id": Value("string"),
            "stance_id": Value("string"),
            "outlet": Value("string"),
            "genre": Value("string"),
            "holder_kind": _labels(inv.holder_kinds),
            "holder_id": Value("string"),
            "holder_name": Value("string"),
            "holder_type": Value("string"),
            "target_kind": _labels(inv.target_kinds),
            "target_id": Value("string"),
            "target_text": Value("string"),
            "target_type": Value("string"),
            "polarity": _labels(inv.stance_polarities),
            "explicitness": _labels(inv.explicitness),
            "evidence_text": Value("string"),
            "evidence": List(_span()),
        }
    )


FEATURES = {
    "documents": document_features,
    "ner": ner_features,
    "events": event_features,
    "attribution": attribution_features,
    "stance": stance_features,
}
