"""Train on `train`, tune on `validation`, predict `test` and `seed`, score, write everything.

    polyphony baselines --out DIR

writes DIR/predictions/SYSTEM.SPLIT.jsonl (entities, events, attribution: end to end) and
SYSTEM.SPLIT.stance.jsonl (stance polarity on the gold holder-target pairs), DIR/scores/*.json,
DIR/models/*.skops and DIR/RESULTS.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import skops.io as sio
from tqdm import tqdm

from polyphony.errors import PolyphonyError
from polyphony.jsonl import atomic_write, write_documents
from polyphony.records import singleton_entities
from polyphony.scoring import score_documents
from polyphony.splits import corpus_splits
from polyphony.validate import validate_document
from polyphony.views import VIEWS

from .models import (
    ArgumentRoles,
    Attribution,
    EventAttributes,
    LearnedMentions,
    LearnedTriggers,
    LexiconMentions,
    LexiconTriggers,
    Stance,
    quote_type,
)
from .sentences import Sentence, join_views

SYSTEMS = ("trivial", "learned")
EVAL_SPLITS = ("test", "seed")
C_GRID = (0.3, 1.0, 3.0)
HEADLINE = (
    ("entities", "strict", "f1"),
    ("entities", "type", "f1"),
    ("events", "trigger_classification", "f1"),
    ("events", "argument_classification", "f1"),
    ("events", "realis", "accuracy"),
    ("attribution", "cue", "exact", "f1"),
    ("attribution", "source", "exact", "f1"),
    ("attribution", "content", "overlap", "f1"),
    ("attribution", "full", "f1"),
    ("stance", "macro_f1"),
    ("stance", "f_avg"),
)


def _views(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {name: [row for doc in docs for row in view(doc)] for name, view in VIEWS.items()}


def _models(system: str, c: dict[str, float], seed: int) -> dict[str, Any]:
    learned = system == "learned"
    return {
        "mentions": LearnedMentions(c["mentions"], seed) if learned else LexiconMentions(),
        "triggers": LearnedTriggers(c["triggers"], seed) if learned else LexiconTriggers(),
        "event_attributes": EventAttributes(learned, 1.0, seed),
        "arguments": ArgumentRoles(learned, 1.0, seed),
        "attribution": Attribution(learned, 1.0, seed),
        "stance": Stance(learned, c["stance"], seed),
    }


def _fit(models: dict[str, Any], sentences: list[Sentence], stance_rows: list[dict[str, Any]]) -> dict[str, Any]:
    for name, model in models.items():
        model.fit(stance_rows if name == "stance" else sentences)
    return models


DOC_KEYS = ("schema_version", "id", "title", "text", "metadata", "sentences", "tokens")


def document_shell(gold: dict[str, Any]) -> dict[str, Any]:
    """The text and its segmentation, to which predicted layers are added."""
    return {key: gold[key] for key in DOC_KEYS}


def mention_dicts(
    gold: dict[str, Any], sentences: list[Sentence], found: list[list[tuple[int, int, str, str]]]
) -> list[dict[str, Any]]:
    """Canonical mentions, ids in text order, from token spans per sentence."""
    out = []
    for s, spans in zip(sentences, found, strict=True):
        for a, b, entity_type, level in spans:
            start, end = s.chars(a, b)
            out.append(
                {
                    "id": f"m{len(out) + 1}",
                    "start": start,
                    "end": end,
                    "text": gold["text"][start:end],
                    "type": entity_type,
                    "level": level,
                }
            )
    return out


def _predict_document(gold: dict[str, Any], sentences: list[Sentence], models: dict[str, Any]) -> dict[str, Any]:
    """A canonical document with predicted mentions, events and attributions (stance is separate)."""
    found = models["mentions"].predict(sentences)
    triggers = models["triggers"].predict(sentences)
    attributions = models["attribution"].predict(sentences, found)
    mentions = mention_dicts(gold, sentences, found)
    events, attrs = [], []
    first = 0
    for s, ms, ts, ats in zip(sentences, found, triggers, attributions, strict=True):
        ids = [m["id"] for m in mentions[first : first + len(ms)]]
        first += len(ms)
        spans = [(a, b, t, lv) for a, b, t, lv in ms]
        attributes = models["event_attributes"].predict([(s.words, a, b, t) for a, b, t in ts])
        roles = models["arguments"].predict([(s.words, (a, b, t), spans) for a, b, t in ts])
        for (a, b, event_type), attr, args in zip(ts, attributes, roles, strict=True):
            start, end = s.chars(a, b)
            realis, modality = attr["realis"], attr["modality"]
            if modality not in _ALLOWED[realis]:
                modality = _ALLOWED[realis][0]
            events.append(
                {
                    "id": f"ev{len(events) + 1}",
                    "trigger": {"start": start, "end": end, "text": gold["text"][start:end]},
                    "type": event_type,
                    "arguments": [
                        {"role": role, "mention": ids[k]}
                        for k, role in args
                        if role in _ROLES[event_type] and spans[k][2] in _ROLE_TYPES[role]
                    ],
                    "realis": realis,
                    "polarity": attr["polarity"],
                    "modality": modality,
                    "story_event": None,
                }
            )
        for item in ats:
            cue = s.chars(*item["cue"])
            content = [s.chars(a, b) for a, b in item["content"]]
            source = (
                {"kind": "IMPLICIT", "mention": None}
                if item["source"] is None
                else {"kind": "MENTION", "mention": ids[item["source"]]}
            )
            source_type = item["source_type"] if item["source"] is not None else "UNSPECIFIED"
            if source["kind"] == "MENTION" and source_type in ("UNSPECIFIED",):
                source_type = "NAMED_PERSON"
            attrs.append(
                {
                    "id": f"a{len(attrs) + 1}",
                    "cue": {"start": cue[0], "end": cue[1], "text": gold["text"][cue[0] : cue[1]]},
                    "source": source,
                    "source_type": source_type,
                    "content": [{"start": a, "end": b, "text": gold["text"][a:b]} for a, b in content],
                    "quote_type": quote_type(gold["text"], content),
                    "parent": None,
                    "addressee": None,
                }
            )
    return {
        **document_shell(gold),
        "mentions": mentions,
        "entities": singleton_entities(mentions),
        "events": events,
        "attributions": attrs,
    }


def _stance_documents(
    gold_docs: list[dict[str, Any]], rows: list[dict[str, Any]], model: Stance
) -> list[dict[str, Any]]:
    """Gold documents reduced to the stance layer, with predicted polarities on the gold pairs."""
    predicted = dict(zip((r["id"] for r in rows), model.predict(rows), strict=True))
    keep = ("schema_version", "id", "title", "text", "metadata", "sentences", "tokens", "propositions", "stances")
    out = []
    for doc in gold_docs:
        reduced = {k: doc[k] for k in keep}
        reduced["stances"] = [{**st, "polarity": predicted[f"{doc['id']}-{st['id']}"]} for st in doc["stances"]]
        out.append(reduced)
    return out


def _pick(result: dict[str, Any], path: tuple[str, ...]) -> float:
    node: Any = result
    for key in path:
        node = node[key]
    return float(node)


def _tune(
    train: list[Sentence],
    validation: list[Sentence],
    val_docs: list[dict[str, Any]],
    train_rows: list[dict[str, Any]],
    val_rows: list[dict[str, Any]],
    seed: int,
    c_grid: tuple[float, ...] = C_GRID,
) -> dict[str, float]:
    """C of the mention tagger, trigger tagger and stance model, by validation F1."""
    chosen = {"mentions": 1.0, "triggers": 1.0, "stance": 1.0}
    if not validation:
        return chosen
    by_doc = _by_document(validation)
    for name, layer, path, make in (
        ("mentions", "entities", ("entities", "strict", "f1"), lambda c: LearnedMentions(c, seed)),
        ("triggers", "events", ("events", "trigger_classification", "f1"), lambda c: LearnedTriggers(c, seed)),
    ):
        best = None
        for c in c_grid:
            model = make(c).fit(train)
            preds = []
            for doc in val_docs:
                sentences = by_doc[doc["id"]]
                found = model.predict(sentences)
                shell = document_shell(doc)
                if name == "mentions":
                    mentions = mention_dicts(doc, sentences, found)
                    preds.append({**shell, "mentions": mentions, "entities": singleton_entities(mentions)})
                else:
                    triggers = [
                        s.chars(a, b) + (t,) for s, spans in zip(sentences, found, strict=True) for a, b, t in spans
                    ]
                    preds.append(
                        {
                            **shell,
                            "events": [
                                {
                                    "id": f"ev{k + 1}",
                                    "trigger": {"start": st, "end": en, "text": doc["text"][st:en]},
                                    "type": t,
                                    "arguments": [],
                                    "realis": "ACTUAL",
                                    "polarity": "POSITIVE",
                                    "modality": "ASSERTED",
                                    "story_event": None,
                                }
                                for k, (st, en, t) in enumerate(triggers)
                            ],
                        }
                    )
            score = _pick(score_documents(val_docs, preds, [layer]).scores, path)
            if best is None or score > best[0]:
                best = (score, c)
        chosen[name] = best[1]
    if val_rows:
        best = None
        for c in c_grid:
            model = Stance(True, c, seed).fit(train_rows)
            docs = _stance_documents(val_docs, val_rows, model)
            score = score_documents(val_docs, docs, ["stance"]).scores["stance"]["macro_f1"]
            if best is None or score > best[0]:
                best = (score, c)
        chosen["stance"] = best[1]
    return chosen


def _by_document(sentences_by_doc: dict[str, list[Sentence]] | list[Sentence]) -> dict[str, list[Sentence]]:
    if isinstance(sentences_by_doc, dict):
        return sentences_by_doc
    out: dict[str, list[Sentence]] = {}
    for s in sentences_by_doc:
        out.setdefault(s.document_id, []).append(s)
    return out


def results_markdown(table: dict[str, dict[str, dict[str, float]]], command: str) -> str:
    splits = [s for s in EVAL_SPLITS if any(s in per for per in table.values())]
    header = "| metric | " + " | ".join(f"{system} {split}" for split in splits for system in table) + " |"
    lines = [
        f"Made by `{command}` (scores in %, micro-averaged over documents).",
        "",
        header,
        "|---|" + "---:|" * (len(splits) * len(table)),
    ]
    for path in HEADLINE:
        name = ".".join(path)
        cells = [table[system].get(split, {}).get(name) for split in splits for system in table]
        lines.append(f"| {name} | " + " | ".join("-" if v is None else f"{100 * v:.1f}" for v in cells) + " |")
    return "\n".join(lines)


def run_baselines(
    docs: list[dict[str, Any]], out: Path, seed: int = 0, progress: bool = True, c_grid: tuple[float, ...] = C_GRID
) -> dict[str, dict[str, dict[str, float]]]:
    """Train, tune, predict, score and write; returns system -> split -> headline figure -> value."""
    split_of = corpus_splits(docs)
    by_split: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        by_split.setdefault(split_of[doc["id"]], []).append(doc)
    if not by_split.get("train"):
        raise PolyphonyError("the corpus has no train split yet: the baselines need authored articles to train on")
    views = {split: _views(split_docs) for split, split_docs in by_split.items()}
    sentences = {split: join_views(v) for split, v in views.items()}
    train = [s for doc_sentences in sentences["train"].values() for s in doc_sentences]
    validation = sentences.get("validation", {})
    out = Path(out)
    bar = tqdm(total=2 + 2 * len(SYSTEMS), desc="baselines", disable=not progress or None, leave=False)
    c = _tune(
        train,
        validation,
        by_split.get("validation", []),
        views["train"]["stance"],
        views.get("validation", {}).get("stance", []),
        seed,
        c_grid,
    )
    bar.update(2)
    table: dict[str, dict[str, dict[str, float]]] = {}
    for system in SYSTEMS:
        models = _fit(_models(system, c, seed), train, views["train"]["stance"])
        for name, model in models.items():
            path = out / "models" / f"{system}.{name}.skops"
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(path) as handle:
                handle.write(sio.dumps(model))
        bar.update(1)
        for split in EVAL_SPLITS:
            gold = by_split.get(split, [])
            if not gold:
                continue
            predicted = [_predict_document(doc, sentences[split][doc["id"]], models) for doc in gold]
            stance_docs = _stance_documents(gold, views[split]["stance"], models["stance"])
            for doc in predicted + stance_docs:
                problems = validate_document(doc, partial=True)
                if problems:
                    raise PolyphonyError(f"baseline {system} predicted an invalid document: {problems[0].format()}")
            write_documents(out / "predictions" / f"{system}.{split}.jsonl", predicted)
            write_documents(out / "predictions" / f"{system}.{split}.stance.jsonl", stance_docs)
            scores = score_documents(gold, predicted, ["entities", "events", "attribution"]).scores
            scores["stance"] = score_documents(gold, stance_docs, ["stance"]).scores["stance"]
            with atomic_write(out / "scores" / f"{system}.{split}.json", "w") as handle:
                json.dump(scores, handle, indent=2)
            table.setdefault(system, {})[split] = {".".join(p): _pick(scores, p) for p in HEADLINE}
        bar.update(1)
    bar.close()
    with atomic_write(out / "RESULTS.md", "w") as handle:
        handle.write(results_markdown(table, f"polyphony baselines --out {out}") + "\n")
    with atomic_write(out / "hyperparameters.json", "w") as handle:
        json.dump({"seed": seed, "C": c}, handle, indent=2)
    return table


def _allowed() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    from polyphony.schema import inventory

    inv = inventory()
    return inv.modalities_by_realis, inv.roles_by_event_type, inv.entity_types_by_role


_ALLOWED, _ROLES, _ROLE_TYPES = _allowed()
