"""Level 5: label constraints the schema states as tables (roles per event type, ...)."""

from __future__ import annotations

from typing import Any

from ..schema import inventory
from .checks import Finding

NAME_LIKE = ("NAM",)


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
