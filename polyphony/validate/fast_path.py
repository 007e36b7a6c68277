"""The fast path of the reference and label levels, in one pass over a document.

`references_and_labels_ok(doc)` is True only if neither `check_references` nor `check_labels` would
find anything; a False sends the document down those detailed paths, which say what is wrong.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any

from ..schema import inventory
from .labels import NAME_LIKE

_id = itemgetter("id")
_span = itemgetter("start", "end")
_type = itemgetter("type")


@lru_cache(maxsize=1)
def _allowed() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """The schema's label tables as sets of allowed pairs."""
    inv = inventory()
    return (
        frozenset((t, r) for t, roles in inv.roles_by_event_type.items() for r in roles),
        frozenset((r, t) for r, types in inv.entity_types_by_role.items() for t in types),
        frozenset((r, m) for r, modalities in inv.modalities_by_realis.items() for m in modalities),
        frozenset((k, t) for k, types in inv.source_types_by_kind.items() for t in types),
    )


def references_and_labels_ok(doc: dict[str, Any]) -> bool:
    roles, role_types, realis_modality, source_types = _allowed()
    mentions = doc.get("mentions", ())
    entity_list = doc.get("entities", ())
    event_list = doc.get("events", ())
    attribution_list = doc.get("attributions", ())
    proposition_list = doc.get("propositions", ())
    stances = doc.get("stances", ())
    # Unique ids across layers, one mention per span.
    type_of = dict(zip(map(_id, mentions), map(_type, mentions), strict=True))
    entities = set(map(_id, entity_list))
    events = set(map(_id, event_list))
    attributions = set(map(_id, attribution_list))
    propositions = set(map(_id, proposition_list))
    ids = type_of.keys() | entities | events | attributions | propositions | set(map(_id, stances))
    total = len(mentions) + len(entity_list) + len(event_list) + len(attribution_list)
    if len(ids) != total + len(proposition_list) + len(stances) or len(set(map(_span, mentions))) != len(mentions):
        return False
    # Every mention in exactly one entity, of the entity's type.
    if "entities" in doc:
        members = {m: e["type"] for e in entity_list for m in e["mentions"]}
        if sum(len(e["mentions"]) for e in entity_list) != len(mentions) or members != type_of:
            return False
    # Events: arguments resolve, roles and argument types allowed, realis and modality agree.
    has_mentions = "mentions" in doc
    for ev in event_list:
        if (ev["realis"], ev["modality"]) not in realis_modality:
            return False
        for arg in ev["arguments"]:
            mention_type = type_of.get(arg["mention"])
            if (ev["type"], arg["role"]) not in roles:
                return False
            if mention_type is None:
                if has_mentions:
                    return False
            elif (arg["role"], mention_type) not in role_types:
                return False
    # Attributions: no nesting on the fast path; source and addressee resolve; kinds agree.
    for at in attribution_list:
        source = at["source"]
        if at["parent"] is not None or (source["kind"], at["source_type"]) not in source_types:
            return False
        if (source["kind"] == "MENTION") != (source["mention"] is not None):
            return False
        if has_mentions and (
            (source["mention"] is not None and source["mention"] not in type_of)
            or (at["addressee"] is not None and at["addressee"] not in type_of)
        ):
            return False
    # Stances: holder and target resolve, evidence present and resolving.
    tables = {
        "ENTITY": (entities, "entities"),
        "EVENT": (events, "events"),
        "PROPOSITION": (propositions, "propositions"),
    }
    for st in stances:
        holder, target, evidence = st["holder"], st["target"], st["evidence"]
        if (holder["kind"] == "ENTITY") != (holder["id"] is not None):
            return False
        if holder["id"] is not None and "entities" in doc and holder["id"] not in entities:
            return False
        table, layer = tables[target["kind"]]
        if layer in doc and target["id"] not in table:
            return False
        if not evidence["spans"] and not evidence["attributions"]:
            return False
        if "attributions" in doc and not attributions.issuperset(evidence["attributions"]):
            return False
    # Name and time mentions do not overlap.
    names = sorted(_span(m) for m in mentions if m["level"] in NAME_LIKE or m["type"] == "TIME")
    return all(end <= start for (_, end), (start, _) in zip(names, names[1:], strict=False))
