"""Level 4: ids are unique and every reference resolves."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .checks import Finding

LAYER_OF = {
    "mention": "mentions",
    "entity": "entities",
    "event": "events",
    "attribution": "attributions",
    "declared proposition": "propositions",
}
ID_LAYERS = ("mentions", "entities", "events", "attributions", "stances", "propositions")


def check_references(doc: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for layer in ID_LAYERS:
        for i, item in enumerate(doc.get(layer, ())):
            path = f"$.{layer}[{i}].id"
            if item["id"] in seen:
                findings.append(
                    Finding(
                        "duplicate-id", path, f"id {item['id']!r} is already used at {seen[item['id']]}", "a unique id"
                    )
                )
            else:
                seen[item["id"]] = path
    mentions = {m["id"]: m for m in doc.get("mentions", ())}
    entities = {e["id"]: e for e in doc.get("entities", ())}
    events = {e["id"] for e in doc.get("events", ())}
    attributions = {a["id"]: a for a in doc.get("attributions", ())}
    propositions = {p["id"] for p in doc.get("propositions", ())}

    def dangling(path: str, ref: str, what: str) -> None:
        if LAYER_OF[what] not in doc:  # a partial document (predictions) may refer to a layer it leaves out
            return
        findings.append(
            Finding(
                "dangling-reference",
                path,
                f"{ref!r} is not the id of any {what} in this document",
                f"an existing {what} id",
            )
        )

    spans: dict[tuple[int, int], str] = {}
    for i, m in enumerate(doc.get("mentions", ())):
        key = (m["start"], m["end"])
        if key in spans:
            findings.append(
                Finding(
                    "duplicate-mention-span",
                    f"$.mentions[{i}]",
                    f"{m['id']} has the same span as {spans[key]}",
                    "one mention per span",
                )
            )
        spans[key] = m["id"]
    membership: Counter[str] = Counter()
    for i, ent in enumerate(doc.get("entities", ())):
        for k, ref in enumerate(ent["mentions"]):
            membership[ref] += 1
            mention = mentions.get(ref)
            if mention is None:
                dangling(f"$.entities[{i}].mentions[{k}]", ref, "mention")
            elif mention["type"] != ent["type"]:
                findings.append(
                    Finding(
                        "entity-type-mismatch",
                        f"$.entities[{i}].mentions[{k}]",
                        f"mention {ref} is {mention['type']} but entity {ent['id']} is {ent['type']}",
                        f"type {ent['type']}",
                    )
                )
    for i, m in enumerate(doc.get("mentions", ())):
        if membership[m["id"]] == 0:
            findings.append(
                Finding(
                    "mention-not-in-entity",
                    f"$.mentions[{i}]",
                    f"mention {m['id']} {m['text']!r} is in no entity",
                    "exactly one entity",
                )
            )
        elif membership[m["id"]] > 1:
            findings.append(
                Finding(
                    "mention-in-several-entities",
                    f"$.mentions[{i}]",
                    f"mention {m['id']} is in {membership[m['id']]} entities",
                    "exactly one entity",
                )
            )
    for i, ev in enumerate(doc.get("events", ())):
        for k, arg in enumerate(ev["arguments"]):
            if arg["mention"] not in mentions:
                dangling(f"$.events[{i}].arguments[{k}].mention", arg["mention"], "mention")
    for i, at in enumerate(doc.get("attributions", ())):
        base = f"$.attributions[{i}]"
        if at["source"]["mention"] is not None and at["source"]["mention"] not in mentions:
            dangling(f"{base}.source.mention", at["source"]["mention"], "mention")
        if at["addressee"] is not None and at["addressee"] not in mentions:
            dangling(f"{base}.addressee", at["addressee"], "mention")
        parent = at["parent"]
        if parent is None:
            continue
        if parent not in attributions:
            dangling(f"{base}.parent", parent, "attribution")
            continue
        chain, current = {at["id"]}, parent
        while current is not None and current in attributions:
            if current in chain:
                findings.append(
                    Finding(
                        "attribution-cycle",
                        f"{base}.parent",
                        f"following parents from {at['id']} returns to {current}",
                        "a chain of parents that ends",
                    )
                )
                break
            chain.add(current)
            current = attributions[current]["parent"]
        else:
            cue = at["cue"]
            if not any(c["start"] <= cue["start"] and cue["end"] <= c["end"] for c in attributions[parent]["content"]):
                findings.append(
                    Finding(
                        "nested-outside-parent",
                        f"{base}.cue",
                        f"cue {cue['text']!r} [{cue['start']}, {cue['end']}) is outside every content span of its parent {parent}",
                        "a cue inside the parent's content",
                    )
                )
    for i, st in enumerate(doc.get("stances", ())):
        base = f"$.stances[{i}]"
        holder = st["holder"]
        if holder["id"] is not None and holder["id"] not in entities:
            dangling(f"{base}.holder.id", holder["id"], "entity")
        target = st["target"]
        table = {
            "ENTITY": (entities, "entity"),
            "EVENT": (events, "event"),
            "PROPOSITION": (propositions, "declared proposition"),
        }[target["kind"]]
        if target["id"] not in table[0]:
            dangling(f"{base}.target.id", target["id"], table[1])
        for k, ref in enumerate(st["evidence"]["attributions"]):
            if ref not in attributions:
                dangling(f"{base}.evidence.attributions[{k}]", ref, "attribution")
    return findings
