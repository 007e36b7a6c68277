"""What a unit is in each layer, and the counts one document adds (see counts.py for the figures)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any

from ..schema import inventory
from .counts import Counts, add_prf
from .spans import exact_tp, match_schemas, overlap_pairs

Doc = dict[str, Any]


# -- entities ---------------------------------------------------------------------------------
def entity_counts(gold: Doc, pred: Doc) -> Counts:
    g = [(m["start"], m["end"], m["type"]) for m in gold["mentions"]]
    p = [(m["start"], m["end"], m["type"]) for m in pred["mentions"]]
    counts: Counts = Counter()
    for schema, found in match_schemas(g, p).items():
        for name, value in found.items():
            counts[f"entities.{schema}.{name}"] += value
    for entity_type in inventory().entity_types:
        gt = [s for s in g if s[2] == entity_type]
        pt = [s for s in p if s[2] == entity_type]
        add_prf(counts, f"entities.per_type.{entity_type}", exact_tp(gt, pt), len(pt), len(gt))
    return counts


# -- events -----------------------------------------------------------------------------------
def _arguments(doc: Doc, with_role: bool) -> list[tuple]:
    spans = {m["id"]: (m["start"], m["end"]) for m in doc.get("mentions", ())}
    units = []
    for ev in doc["events"]:
        trigger = (ev["trigger"]["start"], ev["trigger"]["end"], ev["type"])
        for arg in ev["arguments"]:
            span = spans.get(arg["mention"], (-1, -1))
            units.append((*trigger, *span, arg["role"]) if with_role else (*trigger, *span))
    return units


def event_counts(gold: Doc, pred: Doc) -> Counts:
    counts: Counts = Counter()
    g_id = [(e["trigger"]["start"], e["trigger"]["end"]) for e in gold["events"]]
    p_id = [(e["trigger"]["start"], e["trigger"]["end"]) for e in pred["events"]]
    add_prf(counts, "events.trigger_identification", exact_tp(g_id, p_id), len(p_id), len(g_id))
    g_cl = [(*s, e["type"]) for s, e in zip(g_id, gold["events"], strict=True)]
    p_cl = [(*s, e["type"]) for s, e in zip(p_id, pred["events"], strict=True)]
    add_prf(counts, "events.trigger_classification", exact_tp(g_cl, p_cl), len(p_cl), len(g_cl))
    for key, with_role in (("argument_identification", False), ("argument_classification", True)):
        ga, pa = _arguments(gold, with_role), _arguments(pred, with_role)
        add_prf(counts, f"events.{key}", exact_tp(ga, pa), len(pa), len(ga))
    remaining: dict[tuple, list[str]] = {}
    for unit, ev in zip(p_cl, pred["events"], strict=True):
        remaining.setdefault(unit, []).append(ev["realis"])
    for unit, ev in zip(g_cl, gold["events"], strict=True):
        if remaining.get(unit):
            counts["events.realis.total"] += 1
            counts["events.realis.correct"] += remaining[unit].pop() == ev["realis"]
    return counts


# -- attribution ------------------------------------------------------------------------------
class _Tokens:
    """Token indices covered by a span, on the gold document's tokens."""

    def __init__(self, doc: Doc):
        self.starts = [t["start"] for t in doc["tokens"]]
        self.ends = [t["end"] for t in doc["tokens"]]

    def of(self, start: int, end: int) -> set[int]:
        return set(range(bisect_left(self.ends, start + 1), bisect_right(self.starts, end - 1)))


def _source(doc: Doc, attribution: Doc) -> tuple:
    source = attribution["source"]
    if source["kind"] != "MENTION":
        return (source["kind"],)
    mention = next((m for m in doc.get("mentions", ()) if m["id"] == source["mention"]), None)
    return (mention["start"], mention["end"]) if mention else ("?",)


def _token_set(tokens: _Tokens, unit: tuple) -> set:
    return tokens.of(*unit) if len(unit) == 2 else {unit}


def attribution_counts(gold: Doc, pred: Doc) -> Counts:
    counts: Counts = Counter()
    tokens = _Tokens(gold)
    ga, pa = gold["attributions"], pred["attributions"]
    g_cues = [(a["cue"]["start"], a["cue"]["end"]) for a in ga]
    p_cues = [(a["cue"]["start"], a["cue"]["end"]) for a in pa]
    g_src = [_source(gold, a) for a in ga]
    p_src = [_source(pred, a) for a in pa]
    g_con = [frozenset((c["start"], c["end"]) for c in a["content"]) for a in ga]
    p_con = [frozenset((c["start"], c["end"]) for c in a["content"]) for a in pa]
    n_pred, n_gold = len(pa), len(ga)
    exact = [(i, j) for i, j in overlap_pairs(g_cues, p_cues) if g_cues[i] == p_cues[j]]
    overlap = overlap_pairs(g_cues, p_cues)
    add_prf(counts, "attribution.cue.exact", len(exact), n_pred, n_gold)
    add_prf(counts, "attribution.cue.overlap", len(overlap), n_pred, n_gold)
    add_prf(counts, "attribution.source.exact", sum(g_src[i] == p_src[j] for i, j in exact), n_pred, n_gold)
    add_prf(counts, "attribution.content.exact", sum(g_con[i] == p_con[j] for i, j in exact), n_pred, n_gold)
    full = sum(g_src[i] == p_src[j] and g_con[i] == p_con[j] for i, j in exact)
    add_prf(counts, "attribution.full", full, n_pred, n_gold)
    for role, g_units, p_units in (("source", g_src, p_src), ("content", g_con, p_con)):

        def toks(unit: Any) -> set:
            return (
                set().union(*(_token_set(tokens, u) for u in unit))
                if isinstance(unit, frozenset)
                else _token_set(tokens, unit)
            )

        g_tok = [toks(u) for u in g_units]
        p_tok = [toks(u) for u in p_units]
        tp = sum(len(g_tok[i] & p_tok[j]) for i, j in overlap)
        add_prf(counts, f"attribution.{role}.overlap", tp, sum(map(len, p_tok)), sum(map(len, g_tok)))
    return counts


# -- stance -----------------------------------------------------------------------------------
def resolver(doc: Doc, fallback: Doc):
    entities = {e["id"]: e for e in (doc.get("entities") or fallback.get("entities", ()))}
    mentions = {m["id"]: (m["start"], m["end"]) for m in (doc.get("mentions") or fallback.get("mentions", ()))}
    events = {
        e["id"]: (e["trigger"]["start"], e["trigger"]["end"]) for e in (doc.get("events") or fallback.get("events", ()))
    }

    def key(kind: str, ref: str | None) -> tuple:
        if kind == "WRITER":
            return ("WRITER",)
        if kind == "ENTITY":
            entity = entities.get(ref)
            return ("ENTITY", frozenset(mentions.get(m) for m in entity["mentions"]) if entity else frozenset())
        if kind == "EVENT":
            return ("EVENT", events.get(ref))
        return ("PROPOSITION", ref)

    return key


def same_referent(a: tuple, b: tuple) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "ENTITY":
        return bool(a[1] & b[1])
    return a == b


def stance_counts(gold: Doc, pred: Doc) -> Counts:
    counts: Counts = Counter()
    gk, pk = resolver(gold, gold), resolver(pred, gold)
    g = [
        (gk(s["holder"]["kind"], s["holder"]["id"]), gk(s["target"]["kind"], s["target"]["id"]), s["polarity"])
        for s in gold["stances"]
    ]
    p = [
        (pk(s["holder"]["kind"], s["holder"]["id"]), pk(s["target"]["kind"], s["target"]["id"]), s["polarity"])
        for s in pred["stances"]
    ]
    used: set[int] = set()
    tuple_tp = 0
    for holder, target, polarity in g:
        guess = "NONE"
        for j, (ph, pt, pp) in enumerate(p):
            if j not in used and same_referent(holder, ph) and same_referent(target, pt):
                used.add(j)
                guess = pp
                break
        counts["stance.pairs"] += 1
        counts["stance.correct"] += guess == polarity
        tuple_tp += guess == polarity
        counts[f"stance.gold.{polarity}"] += 1
        counts[f"stance.pred.{guess}"] += 1
        counts[f"stance.tp.{polarity}"] += guess == polarity
    add_prf(counts, "stance.tuple", tuple_tp, len(p), len(g))
    return counts


LAYER_COUNTERS = {
    "entities": entity_counts,
    "events": event_counts,
    "attribution": attribution_counts,
    "stance": stance_counts,
}
LAYER_KEYS = {
    "entities": ("mentions",),
    "events": ("events",),
    "attribution": ("attributions",),
    "stance": ("stances",),
}
