"""Inter-annotator agreement between the gold (first) and the blind second annotations.

Span agreement is F1 between the two annotators' spans (symmetric: either may be the reference),
exact and with one-to-one overlap matching; label agreement is Cohen's kappa on the items both
annotators marked with the same span (mention types, event types, quote types, stance polarity).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score

from .authoring import compile_file
from .corpus import compile_corpus, load_propositions
from .errors import PolyphonyError
from .paths import corpus_dir, repo_root
from .scoring.counts import f1
from .scoring.layers import resolver, same_referent
from .scoring.spans import exact_tp, overlap_pairs

SECOND_DIR = "second"
FIRST_DIR = "first"
SPAN_UNITS = ("mentions", "triggers", "cues", "sources", "contents")


def second_sources(corpus: Path | None = None) -> list[Path]:
    return sorted(((corpus or corpus_dir()) / SECOND_DIR).glob("*.yaml"))


def compile_annotations(directory: str, corpus: Path | None = None) -> list[dict[str, Any]]:
    """The annotations kept in corpus/DIRECTORY (second: blind second annotations; first: first
    annotations as they were before adjudication)."""
    propositions = load_propositions(corpus)
    return [
        compile_file(path, repo_root(), propositions)
        for path in sorted(((corpus or corpus_dir()) / directory).glob("*.yaml"))
    ]


def compile_second(corpus: Path | None = None) -> list[dict[str, Any]]:
    return compile_annotations(SECOND_DIR, corpus)


def _spans(doc: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    mentions = {m["id"]: (m["start"], m["end"]) for m in doc["mentions"]}
    return {
        "mentions": [(m["start"], m["end"]) for m in doc["mentions"]],
        "triggers": [(e["trigger"]["start"], e["trigger"]["end"]) for e in doc["events"]],
        "cues": [(a["cue"]["start"], a["cue"]["end"]) for a in doc["attributions"]],
        "sources": [mentions[a["source"]["mention"]] for a in doc["attributions"] if a["source"]["mention"]],
        "contents": [(c["start"], c["end"]) for a in doc["attributions"] for c in a["content"]],
    }


def _labelled(doc: dict[str, Any]) -> dict[str, dict[tuple, str]]:
    return {
        "mention type": {(m["start"], m["end"]): m["type"] for m in doc["mentions"]},
        "mention level": {(m["start"], m["end"]): m["level"] for m in doc["mentions"]},
        "event type": {(e["trigger"]["start"], e["trigger"]["end"]): e["type"] for e in doc["events"]},
        "realis": {(e["trigger"]["start"], e["trigger"]["end"]): e["realis"] for e in doc["events"]},
        "quote type": {(a["cue"]["start"], a["cue"]["end"]): a["quote_type"] for a in doc["attributions"]},
        "source type": {(a["cue"]["start"], a["cue"]["end"]): a["source_type"] for a in doc["attributions"]},
    }


def _stance_pairs(first: dict[str, Any], second: dict[str, Any]) -> list[tuple[str, str]]:
    """Polarities of the stances both annotators gave for the same holder and target (entities
    match when their clusters share a mention span, as in the scorer)."""
    key_a, key_b = resolver(first, first), resolver(second, second)
    theirs = [
        (key_b(s["holder"]["kind"], s["holder"]["id"]), key_b(s["target"]["kind"], s["target"]["id"]), s["polarity"])
        for s in second["stances"]
    ]
    used: set[int] = set()
    out = []
    for s in first["stances"]:
        holder, target = key_a(s["holder"]["kind"], s["holder"]["id"]), key_a(s["target"]["kind"], s["target"]["id"])
        for j, (h, t, polarity) in enumerate(theirs):
            if j not in used and same_referent(holder, h) and same_referent(target, t):
                used.add(j)
                out.append((s["polarity"], polarity))
                break
    return out


def agreement(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Pooled agreement over (first, second) document pairs."""
    span_counts = {u: [0, 0, 0, 0] for u in SPAN_UNITS}  # exact tp, overlap tp, n first, n second
    labels: dict[str, tuple[list[str], list[str]]] = {}
    for first, second in pairs:
        a, b = _spans(first), _spans(second)
        for unit in SPAN_UNITS:
            row = span_counts[unit]
            row[0] += exact_tp(a[unit], b[unit])
            row[1] += len(overlap_pairs(a[unit], b[unit]))
            row[2] += len(a[unit])
            row[3] += len(b[unit])
        la, lb = _labelled(first), _labelled(second)
        for name in la:
            both = sorted(set(la[name]) & set(lb[name]), key=str)
            ours, theirs = labels.setdefault(name, ([], []))
            ours += [la[name][k] for k in both]
            theirs += [lb[name][k] for k in both]
        ours, theirs = labels.setdefault("stance polarity", ([], []))
        for x, y in _stance_pairs(first, second):
            ours.append(x)
            theirs.append(y)
    spans = {}
    for unit, (exact, overlap, n_a, n_b) in span_counts.items():
        spans[unit] = {
            "exact_f1": f1(exact / n_b if n_b else 0.0, exact / n_a if n_a else 0.0),
            "overlap_f1": f1(overlap / n_b if n_b else 0.0, overlap / n_a if n_a else 0.0),
            "first": n_a,
            "second": n_b,
        }
    kappas = {}
    for name, (ours, theirs) in labels.items():
        observed = sum(x == y for x, y in zip(ours, theirs, strict=True)) / len(ours) if ours else 0.0
        kappa = cohen_kappa_score(ours, theirs) if len(set(ours) | set(theirs)) > 1 else 1.0
        kappas[name] = {"kappa": float(kappa), "observed_agreement": observed, "items": len(ours)}
    return {"documents": len(pairs), "spans": spans, "labels": kappas}


def corpus_agreement(corpus: Path | None = None) -> dict[str, Any]:
    """First versus second annotation (the first as kept before adjudication, else the gold), and
    how far adjudication moved the gold from each of them."""
    gold = {d["id"]: d for d in compile_corpus(corpus)}
    first = {d["id"]: d for d in compile_annotations(FIRST_DIR, corpus)}
    pairs = []
    adjudicated = []
    for doc in compile_second(corpus):
        if doc["id"] not in gold:
            raise PolyphonyError(f"{corpus_dir() / SECOND_DIR}: second annotation of {doc['id']} has no gold document")
        pairs.append((first.get(doc["id"], gold[doc["id"]]), doc))
        if doc["id"] in first:
            adjudicated.append((gold[doc["id"]], first[doc["id"]], doc))
    if not pairs:
        raise PolyphonyError(f"no second annotations in {corpus_dir() / SECOND_DIR}")
    result = agreement(pairs)
    if adjudicated:
        with_first = agreement([(g, a) for g, a, _ in adjudicated])["spans"]
        with_second = agreement([(g, b) for g, _, b in adjudicated])["spans"]
        result["adjudicated"] = {
            "documents": len(adjudicated),
            "gold_vs_first": {unit: row["exact_f1"] for unit, row in with_first.items()},
            "gold_vs_second": {unit: row["exact_f1"] for unit, row in with_second.items()},
        }
    result["by_provenance"] = {
        kind: agreement([p for p in pairs if p[0]["metadata"]["provenance"] == kind])["spans"]["mentions"]
        for kind in sorted({p[0]["metadata"]["provenance"] for p in pairs})
    }
    return result


def disagreements(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """What an adjudicator has to decide: spans only one annotator marked, and labels they gave differently."""
    out = []
    a, b = _spans(first), _spans(second)
    for unit in SPAN_UNITS:
        for label, mine, theirs in (("first only", a[unit], b[unit]), ("second only", b[unit], a[unit])):
            for start, end in sorted(set(mine) - set(theirs)):
                out.append(f"{unit[:-1]} {label}: [{start}, {end}) {first['text'][start:end]!r}")
    la, lb = _labelled(first), _labelled(second)
    for name in la:
        for key in sorted(set(la[name]) & set(lb[name]), key=str):
            if la[name][key] != lb[name][key]:
                out.append(f"{name}: {first['text'][key[0] : key[1]]!r} first {la[name][key]}, second {lb[name][key]}")
    for x, y in _stance_pairs(first, second):
        if x != y:
            out.append(f"stance polarity: first {x}, second {y}")
    out += _argument_differences(first, second)
    out += _unmatched_stances(first, second)
    return out


def _arguments(doc: dict[str, Any]) -> dict[tuple[int, int], set[tuple[str, int, int]]]:
    mentions = {m["id"]: (m["start"], m["end"]) for m in doc["mentions"]}
    return {
        (e["trigger"]["start"], e["trigger"]["end"]): {(a["role"], *mentions[a["mention"]]) for a in e["arguments"]}
        for e in doc["events"]
    }


def _argument_differences(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """Arguments of events both annotators marked (same trigger span) that only one of them gave."""
    a, b = _arguments(first), _arguments(second)
    text = first["text"]
    out = []
    for trigger in sorted(set(a) & set(b)):
        for label, mine, theirs in (("first only", a[trigger], b[trigger]), ("second only", b[trigger], a[trigger])):
            for role, start, end in sorted(mine - theirs, key=lambda r: (r[1], r[0])):
                out.append(
                    f"argument {label}: {text[trigger[0] : trigger[1]]!r} {role} [{start}, {end}) {text[start:end]!r}"
                )
    return out


def _describe(doc: dict[str, Any], kind: str, ref: str | None) -> str:
    if kind == "WRITER":
        return "WRITER"
    if kind == "PROPOSITION":
        return f"proposition {ref}"
    if kind == "EVENT":
        event = next(e for e in doc["events"] if e["id"] == ref)
        return f"event {doc['text'][event['trigger']['start'] : event['trigger']['end']]!r}"
    entity = next(e for e in doc["entities"] if e["id"] == ref)
    return f"entity {entity.get('world_id') or entity.get('name')!r}"


def _unmatched_stances(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """Stances (holder, target) that only one annotator gave."""
    out = []
    for label, mine, theirs in (("first only", first, second), ("second only", second, first)):
        key_m, key_t = resolver(mine, mine), resolver(theirs, theirs)
        others = [
            (key_t(s["holder"]["kind"], s["holder"]["id"]), key_t(s["target"]["kind"], s["target"]["id"]))
            for s in theirs["stances"]
        ]
        for s in mine["stances"]:
            holder = key_m(s["holder"]["kind"], s["holder"]["id"])
            target = key_m(s["target"]["kind"], s["target"]["id"])
            if not any(same_referent(holder, h) and same_referent(target, t) for h, t in others):
                out.append(
                    f"stance {label}: {_describe(mine, s['holder']['kind'], s['holder']['id'])} -> "
                    f"{_describe(mine, s['target']['kind'], s['target']['id'])} {s['polarity']}"
                )
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Agreement between the first and a blind second annotation (before adjudication), pooled over {result['documents']} document(s).",
        "",
        "| spans | exact F1 | overlap F1 | first | second |",
        "|---|---:|---:|---:|---:|",
    ]
    for unit, row in result["spans"].items():
        lines.append(
            f"| {unit} | {100 * row['exact_f1']:.1f} | {100 * row['overlap_f1']:.1f} | {row['first']} | {row['second']} |"
        )
    lines += [
        "",
        "| labels (on spans both marked) | Cohen's kappa | observed agreement | items |",
        "|---|---:|---:|---:|",
    ]
    for name, row in result["labels"].items():
        lines.append(f"| {name} | {row['kappa']:.3f} | {100 * row['observed_agreement']:.1f}% | {row['items']} |")
    if "adjudicated" in result:
        adj = result["adjudicated"]
        lines += [
            "",
            f"Adjudication of {adj['documents']} document(s) decided every disagreement and made the gold;"
            " exact span F1 of the adjudicated gold against each annotation:",
            "",
            "| spans | gold vs first | gold vs second |",
            "|---|---:|---:|",
        ]
        for unit in adj["gold_vs_first"]:
            lines.append(
                f"| {unit} | {100 * adj['gold_vs_first'][unit]:.1f} | {100 * adj['gold_vs_second'][unit]:.1f} |"
            )
    lines += ["", "Generated by `polyphony agreement --write-docs`."]
    return "\n".join(lines)
