"""`stance` rows: one per stance, holder and target resolved to readable text, with the evidence."""

from __future__ import annotations

from typing import Any

from .layout import Layout

WRITER_NAME = "the writer"


def _evidence(doc: dict[str, Any], stance: dict[str, Any]) -> list[dict[str, Any]]:
    attributions = {a["id"]: a for a in doc.get("attributions", ())}
    spans = list(stance["evidence"]["spans"])
    for ref in stance["evidence"]["attributions"]:
        spans.extend(attributions[ref]["content"])
    unique = {(s["start"], s["end"]): s for s in spans}
    return [dict(unique[key]) for key in sorted(unique)]


def stance_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    layout = Layout(doc)
    events = {e["id"]: e for e in doc.get("events", ())}
    propositions = {p["id"]: p["label"] for p in doc.get("propositions", ())}
    rows = []
    for st in doc.get("stances", ()):
        holder, target = st["holder"], st["target"]
        if holder["kind"] == "ENTITY":
            entity = layout.entities[holder["id"]]
            holder_name, holder_type = entity["name"], entity["type"]
        else:
            holder_name, holder_type = WRITER_NAME, "WRITER"
        if target["kind"] == "ENTITY":
            target_text = layout.entities[target["id"]]["name"]
            target_type = layout.entities[target["id"]]["type"]
        elif target["kind"] == "EVENT":
            ev = events[target["id"]]
            target_text, target_type = ev["trigger"]["text"], ev["type"]
        else:
            target_text, target_type = propositions[target["id"]], "PROPOSITION"
        evidence = _evidence(doc, st)
        rows.append(
            {
                "id": f"{doc['id']}-{st['id']}",
                "document_id": doc["id"],
                "stance_id": st["id"],
                "outlet": doc["metadata"]["outlet"],
                "genre": doc["metadata"]["genre"],
                "holder_kind": holder["kind"],
                "holder_id": holder["id"],
                "holder_name": holder_name,
                "holder_type": holder_type,
                "target_kind": target["kind"],
                "target_id": target["id"],
                "target_text": target_text,
                "target_type": target_type,
                "polarity": st["polarity"],
                "explicitness": st["explicitness"],
                "evidence_text": " … ".join(s["text"] for s in evidence),
                "evidence": evidence,
            }
        )
    return rows
