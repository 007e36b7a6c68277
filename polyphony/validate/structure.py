"""Level 2: the document against the JSON Schema (jsonschema-rs, for speed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jsonschema_rs

from ..schema import SCHEMA_VERSION, load_schema
from .checks import Finding

try:
    from ._gather import vouch_for_offsets
except ImportError:  # installed without a C compiler
    from .gather import vouch_for_offsets

KEYWORD_CHECKS = {
    "required": "missing-field",
    "additionalProperties": "unexpected-field",
    "unevaluatedProperties": "unexpected-field",
    "type": "wrong-type",
    "pattern": "bad-format",
    "anyOf": "bad-format",
    "enum": "unknown-label",
    "minimum": "out-of-range",
    "minLength": "out-of-range",
    "minItems": "out-of-range",
}
LAYERS = ("mentions", "entities", "events", "attributions", "propositions", "stances")


@lru_cache(maxsize=1)
def validator() -> Any:
    return jsonschema_rs.validator_for(load_schema())


def json_path(parts: Any) -> str:
    """A JSONPath such as $.mentions[3].end."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _expected(keyword: str, error: Any) -> str:
    kind = error.kind
    if keyword == "enum":
        return "one of " + ", ".join(map(str, kind.options))
    if keyword == "required":
        return f"a field {kind.property!r}"
    if keyword == "type":
        return f"type {getattr(kind, 'types', '')}"
    if keyword == "pattern":
        return f"a string matching {kind.pattern}"
    if keyword in {"minimum", "minLength", "minItems"}:
        return f"{keyword} {kind.limit}"
    return ""


def _is_valid(doc: Any) -> bool:
    """The schema's verdict; where every token is vouched to be a well-formed Offsets object, the
    schema is shown only the first (it reads the tokens array item by item, and they are most of a
    document's objects)."""
    tokens = doc.get("tokens") if isinstance(doc, dict) else None
    if type(tokens) is list and len(tokens) > 1 and vouch_for_offsets(tokens):
        doc = {**doc, "tokens": tokens[:1]}
    return validator().is_valid(doc)


def check_structure(doc: Any, partial: bool = False) -> list[Finding]:
    """Schema findings (empty if the document is structurally valid)."""
    findings: list[Finding] = []
    if not _is_valid(doc):
        for error in validator().iter_errors(doc):
            schema_path = list(error.schema_path)
            keyword = str(schema_path[-1]) if schema_path else ""
            path = json_path(error.instance_path)
            check = KEYWORD_CHECKS.get(keyword, "bad-format")
            if keyword == "const" and path == "$.schema_version":
                check = "unsupported-schema-version"
            try:
                expected = _expected(keyword, error)
            except AttributeError:
                expected = ""
            if check == "unsupported-schema-version":
                expected = f"schema_version {SCHEMA_VERSION!r}"
            findings.append(Finding(check, path, error.message, expected))
    if not partial and isinstance(doc, dict):
        for layer in LAYERS:
            if layer not in doc:
                findings.append(
                    Finding(
                        "missing-layer",
                        f"$.{layer}",
                        f"the layer {layer!r} is absent",
                        "every layer in a gold document (use --partial for predictions)",
                    )
                )
    return findings
