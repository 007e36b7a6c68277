"""Level 5: label constraints the schema states as tables (roles per event type, ...)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..schema import inventory
from .checks import Finding

NAME_LIKE = ("NAM",)


@lru_cache(maxsize=1)
def _allowed() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """The schema's label tables as sets of allowed pairs, for the fast path."""
    inv = inventory()
    return (
        frozenset((t, r) for t, roles in inv.roles_by_event_type.items() for r in roles),
        frozenset((r, t) for r, types in inv.entity_types_by_role.items() for t in types),
        frozenset((r, m) for r, modalities in inv.modalities_by_realis.items() for m in modalities),
        frozenset((k, t) for k, types in inv.source_types_by_kind.items() for t in types),
    )


def labels_ok(doc: dict[str, Any]) -> bool:
    """The fast path of this level: True only if check_labels would find nothing."""
    roles, role_types, realis_modality, source_types = _allowed()
    type_of = {m["id"]: m["type"] for m in doc.get("mentions", ())}
    for ev in doc.get("events", ()):
        if (ev["realis"], ev["modality"]) not in realis_modality:
            return False
        for arg in ev["arguments"]:
            if (ev["type"], arg["role"]) not in roles:
                return False
            mention_type = type_of.get(arg["mention"])
            if mention_type is not None and (arg["role"], mention_type) not in role_types:
                return False
    for at in doc.get("attributions", ()):
        source = at["source"]
        if (source["kind"] == "MENTION") != (source["mention"] is not None):
            return False
        if (source["kind"], at["source_type"]) not in source_types:
            return False
    for st in doc.get("stances", ()):
        if (st["holder"]["kind"] == "ENTITY") != (st["holder"]["id"] is not None):
            return False
        if not st["evidence"]["spans"] and not st["evidence"]["attributions"]:
            return False
    names = sorted(
        (m["start"], m["end"]) for m in doc.get("mentions", ()) if m["level"] in NAME_LIKE or m["type"] == "TIME"
    )
    return all(end <= start for (_, end), (start, _) in zip(names, names[1:], strict=False))


def check_labels(doc: dict[str, Any]) -> list[Finding]:
    inv = inventory()
    findings: list[Finding] = []
    mentions = {m["id"]: m for m in doc.get("mentions", ())}
    for i, ev in enumerate(doc.get("events", ())):
        allowed = inv.roles_by_event_type[ev["type"]]
        for k, arg in enumerate(ev["arguments"]):
            path = f"$.events[{i}].arguments[{k}]"
            if arg["role"] not in allowed:
                findings.append(
                    Finding(
                        "role-not-allowed",
                        f"{path}.role",
                        f"role {arg['role']} is not allowed for {ev['type']}",
                        "one of " + ", ".join(allowed),
                    )
                )
                continue
            mention = mentions.get(arg["mention"])
            if mention is None:  # partial predictions without the entity layer
                continue
            types = inv.entity_types_by_role[arg["role"]]
            if mention["type"] not in types:
                findings.append(
                    Finding(
                        "argument-type-not-allowed",
                        f"{path}.mention",
                        f"{arg['role']} {mention['text']!r} is a {mention['type']} mention",
                        "a mention of type " + ", ".join(types),
                    )
                )
        modalities = inv.modalities_by_realis[ev["realis"]]
        if ev["modality"] not in modalities:
            findings.append(
                Finding(
                    "realis-modality-conflict",
                    f"$.events[{i}].modality",
                    f"modality {ev['modality']} does not go with realis {ev['realis']}",
                    "one of " + ", ".join(modalities),
                )
            )
    for i, at in enumerate(doc.get("attributions", ())):
        kind, mention = at["source"]["kind"], at["source"]["mention"]
        types = inv.source_types_by_kind[kind]
        if (kind == "MENTION") != (mention is not None):
            findings.append(
                Finding(
                    "source-kind-mismatch",
                    f"$.attributions[{i}].source",
                    f"source kind {kind} with mention {mention!r}",
                    "a mention id for MENTION, null for WRITER and IMPLICIT",
                )
            )
        elif at["source_type"] not in types:
            findings.append(
                Finding(
                    "source-kind-mismatch",
                    f"$.attributions[{i}].source_type",
                    f"source type {at['source_type']} does not go with source kind {kind}",
                    "one of " + ", ".join(types),
                )
            )
    for i, st in enumerate(doc.get("stances", ())):
        holder = st["holder"]
        if (holder["kind"] == "ENTITY") != (holder["id"] is not None):
            findings.append(
                Finding(
                    "holder-kind-mismatch",
                    f"$.stances[{i}].holder",
                    f"holder kind {holder['kind']} with id {holder['id']!r}",
                    "an entity id for ENTITY, null for WRITER",
                )
            )
        if not st["evidence"]["spans"] and not st["evidence"]["attributions"]:
            findings.append(
                Finding(
                    "stance-without-evidence",
                    f"$.stances[{i}].evidence",
                    "no evidence span and no attribution",
                    "at least one evidence span or attribution id",
                )
            )
    flat = sorted(
        (m["start"], m["end"], j)
        for j, m in enumerate(doc.get("mentions", ()))
        if m["level"] in NAME_LIKE or m["type"] == "TIME"
    )
    for (_, e1, j1), (s2, _, j2) in zip(flat, flat[1:], strict=False):
        if s2 < e1:
            findings.append(
                Finding(
                    "overlapping-names",
                    f"$.mentions[{j2}]",
                    f"{doc['mentions'][j2]['text']!r} overlaps {doc['mentions'][j1]['text']!r} ($.mentions[{j1}])",
                    "name and time mentions that do not overlap",
                )
            )
    return findings
