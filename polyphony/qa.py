"""Corpus quality checks that the validator cannot make on one document alone.

Failing checks: near-duplicate articles (word 5-gram shingles), sentences recurring as templates
across articles (the same sentence once names and numbers are masked), the same name labelled with
different entity types, and likely omissions (a reporting verb outside every cue, a quotation outside
every attribution, a capitalised name outside every mention, MIXED content with unbalanced quotation
marks), and links to what the world does not register (world ids, outlet, story, story events). Each
finding can be waived in corpus/qa-exceptions*.yaml with a reason; a waiver that matches nothing is a
finding itself. The density of each layer per 1,000 tokens is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from .errors import PolyphonyError
from .paths import corpus_dir
from .world import WORLD_DIR, World, load_world

EXCEPTIONS_GLOB = "qa-exceptions*.yaml"
SHINGLE = 5
NEAR_DUPLICATE = 0.35
TEMPLATE_MIN_TOKENS = 8
REPORTING_VERBS = {
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "stated",
    "states",
    "warned",
    "warns",
    "cited",
    "cites",
    "reportedly",
    "according",
    "denied",
    "denies",
    "acknowledged",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "asserted",
    "wrote",
}
# A reporting verb after these has no content to attribute (guidelines 6.6): "did not say", "declined to say".
NO_CONTENT_BEFORE = re.compile(r"(\bnot|n[\'\u2019]t|\bdeclined to|\brefused to|\bwithout|\bnever|-)\s*$", re.I)
# A reporting word right after these is a noun ("the claims", "its notes"), not a verb with content.
NOUN_BEFORE = re.compile(r"\b(the|a|an|its|his|her|their|our|my|your|these|those|such|whose)\s+$", re.I)
# Capitalised only because of their position or as honorifics and ranks (not mentions, guidelines 4.1).
NOT_NAMES = {
    "I",
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Our",
    "Their",
    "My",
    "Your",
    "We",
    "In",
    "On",
    "At",
    "By",
    "For",
    "After",
    "Before",
    "When",
    "While",
    "But",
    "And",
    "If",
    "As",
    "With",
    "From",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Gen.",
    "Maj.",
    "Col.",
    "Lt.",
    "Capt.",
    "Sgt.",
    "Brig.",
    "Adm.",
    "Prof.",
    "General",
    "Colonel",
    "Major",
    "Captain",
    "Lieutenant",
    "Sergeant",
    "Brigadier",
    "Admiral",
    "Commander",
    "Sheikh",
    "Professor",
    "Corporal",
    "Eminence",
    "Excellency",
    "Q",
    "OK",
}
DATELINE_BEFORE = re.compile(r"(\s[-\u2013\u2014|]|\)\s*[-\u2013\u2014:]?|:)\s*$")
QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


@dataclass(frozen=True)
class QaFinding:
    check: str
    document: str
    text: str
    message: str

    def format(self) -> str:
        return f"{self.document}: [{self.check}] {self.message}"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def near_duplicates(docs: list[dict[str, Any]], threshold: float = NEAR_DUPLICATE) -> list[QaFinding]:
    shingles = {}
    for doc in docs:
        words = _words(doc["text"])
        shingles[doc["id"]] = {tuple(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 0))}
    index: dict[tuple, list[str]] = defaultdict(list)
    for doc_id, grams in shingles.items():
        for gram in grams:
            index[gram].append(doc_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) < 50:
            for a, b in combinations(sorted(ids), 2):
                shared[(a, b)] += 1
    found = []
    for (a, b), n in sorted(shared.items()):
        jaccard = n / len(shingles[a] | shingles[b])
        if jaccard >= threshold:
            found.append(QaFinding("near-duplicate", a, b, f"shares {jaccard:.0%} of its word 5-grams with {b}"))
    return found


def _mask(sentence: str) -> str:
    masked = re.sub(r"\b[A-Z][\w'\u2019-]*", "NAME", sentence)
    return re.sub(r"\d+([.,:]\d+)*", "NUM", masked).lower()


def template_sentences(docs: list[dict[str, Any]]) -> list[QaFinding]:
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc in docs:
        for s in doc["sentences"]:
            sentence = doc["text"][s["start"] : s["end"]]
            if len(_words(sentence)) >= TEMPLATE_MIN_TOKENS:
                seen[_mask(sentence)].append((doc["id"], sentence))
    found = []
    for occurrences in seen.values():
        docs_with = sorted({d for d, _ in occurrences})
        if len(docs_with) > 1:
            doc_id, sentence = occurrences[0]
            found.append(
                QaFinding(
                    "template-sentence",
                    doc_id,
                    sentence,
                    f"sentence recurs (names and numbers masked) in {', '.join(docs_with)}: {sentence[:90]!r}",
                )
            )
    return found


def inconsistent_labels(docs: list[dict[str, Any]]) -> list[QaFinding]:
    types: dict[str, dict[str, str]] = defaultdict(dict)
    for doc in docs:
        for m in doc["mentions"]:
            if m["level"] == "NAM":
                types[m["text"]].setdefault(m["type"], doc["id"])
    return [
        QaFinding(
            "inconsistent-label",
            next(iter(by_type.values())),
            text,
            f"the name {text!r} is labelled " + ", ".join(f"{t} (in {d})" for t, d in sorted(by_type.items())),
        )
        for text, by_type in sorted(types.items())
        if len(by_type) > 1
    ]


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def omissions(doc: dict[str, Any]) -> list[QaFinding]:
    text = doc["text"]
    found = []
    cues = [(a["cue"]["start"], a["cue"]["end"]) for a in doc["attributions"]]
    contents = [(c["start"], c["end"]) for a in doc["attributions"] for c in a["content"]]
    # names of operations and agreements may be event triggers (guidelines 8), so triggers cover too
    mentions = [(m["start"], m["end"]) for m in doc["mentions"]] + [
        (e["trigger"]["start"], e["trigger"]["end"]) for e in doc["events"]
    ]
    entity_spans = [(m["start"], m["end"]) for m in doc["mentions"]]
    sentence_starts = {s["start"] for s in doc["sentences"]}
    headline_end = doc["sentences"][0]["end"] if doc["sentences"] else 0  # headlines are in title case
    for t in doc["tokens"]:
        word = text[t["start"] : t["end"]]
        before = text[max(0, t["start"] - 14) : t["start"]]
        if (
            (word in REPORTING_VERBS or (t["start"] in sentence_starts and word.lower() in REPORTING_VERBS))
            and not _covered(cues, t["start"], t["end"])
            and not _covered(entity_spans, t["start"], t["end"])  # a noun such as "states" inside a mention
            and not NO_CONTENT_BEFORE.search(before)
            and not NOUN_BEFORE.search(before)
        ):
            context = text[max(0, t["start"] - 40) : t["end"] + 30].replace("\n", " ")
            found.append(
                QaFinding(
                    "uncovered-reporting-verb", doc["id"], word, f"{word!r} is in no attribution cue: ...{context}..."
                )
            )
        elif (
            word[:1].isupper()
            and t["start"] not in sentence_starts
            and word not in NOT_NAMES
            and t["start"] >= headline_end
            and not _covered(mentions, t["start"], t["end"])
            and text[t["start"] - 1 : t["start"]] not in "\u201c\"(\u2018'"
            and not DATELINE_BEFORE.search(text[max(0, t["start"] - 4) : t["start"]])
        ):
            context = text[max(0, t["start"] - 30) : t["end"] + 30].replace("\n", " ")
            found.append(
                QaFinding("uncovered-name", doc["id"], word, f"capitalised {word!r} is in no mention: ...{context}...")
            )
    for a in doc["attributions"]:
        for span in a["content"] if a["quote_type"] == "MIXED" else ():
            piece = span["text"]
            if piece.count("\u201c") != piece.count("\u201d") or piece.count('"') % 2:
                found.append(
                    QaFinding(
                        "unbalanced-mixed-content",
                        doc["id"],
                        piece,
                        f"MIXED content {piece[:60]!r} opens or closes a quotation it does not contain (6.3)",
                    )
                )
    for opening, closing in QUOTE_PAIRS:
        for match in re.finditer(
            re.escape(opening) + r"([^" + re.escape(closing) + r"\n]+)" + re.escape(closing), text
        ):
            inner = (match.start(1), match.end(1))
            if not any(s < inner[1] and inner[0] < e for s, e in contents):
                found.append(
                    QaFinding(
                        "uncovered-quotation",
                        doc["id"],
                        match.group(1),
                        f"the quotation {match.group(0)[:60]!r} overlaps no attribution content",
                    )
                )
    return found


def world_links(docs: list[dict[str, Any]], world: World) -> list[QaFinding]:
    """Authored documents link only to what the world registers: entity world ids, the outlet, the
    story, and the stories or happenings events belong to."""
    found = []
    for doc in docs:
        if doc["metadata"]["provenance"] != "authored":
            continue
        meta = doc["metadata"]
        if meta.get("outlet_id") not in world.outlets:
            found.append(
                QaFinding(
                    "unknown-outlet",
                    doc["id"],
                    str(meta.get("outlet_id")),
                    "outlet_id is not in corpus/world/outlets.yaml",
                )
            )
        if meta["story_id"] not in world.stories:
            found.append(
                QaFinding(
                    "unknown-story", doc["id"], str(meta["story_id"]), "story_id is not in corpus/world/timeline.yaml"
                )
            )
        for entity in doc["entities"]:
            if entity["world_id"] and entity["world_id"] not in world.entities:
                found.append(
                    QaFinding(
                        "unknown-world-id",
                        doc["id"],
                        entity["world_id"],
                        f"entity {entity['name']!r}: world_id is not in corpus/world/entities.yaml",
                    )
                )
        for event in doc["events"]:
            link = event["story_event"]
            if link and link not in world.stories and link not in world.happenings:
                found.append(
                    QaFinding(
                        "unregistered-story-event",
                        doc["id"],
                        link,
                        f"event {event['trigger']['text']!r}: story_event is neither a story nor a happening of corpus/world/timeline.yaml",
                    )
                )
    return found


def density(docs: list[dict[str, Any]]) -> dict[str, float]:
    tokens = sum(len(d["tokens"]) for d in docs) or 1
    return {
        layer: 1000 * sum(len(d[layer]) for d in docs) / tokens
        for layer in ("mentions", "events", "attributions", "stances")
    }


def load_exceptions(corpus: Path | None = None) -> list[dict[str, str]]:
    """Waivers from corpus/qa-exceptions*.yaml (one file per reviewer keeps edits apart)."""
    found = []
    for path in sorted((corpus or corpus_dir()).glob(EXCEPTIONS_GLOB)):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not {"check", "document", "text", "reason"} <= set(item):
                raise PolyphonyError(f"{path}: item {i} needs check, document, text and reason")
            found.append({**item, "file": path.name})
    return found


def run_qa(
    docs: list[dict[str, Any]], corpus: Path | None = None
) -> tuple[list[QaFinding], list[QaFinding], dict[str, float]]:
    """(failing findings, waived findings, density per 1,000 tokens)."""
    findings = near_duplicates(docs) + template_sentences(docs) + inconsistent_labels(docs)
    if ((corpus or corpus_dir()) / WORLD_DIR).is_dir():  # a corpus without a world has nothing to link to
        findings += world_links(docs, load_world(corpus))
    for doc in docs:
        findings += omissions(doc)
    exceptions = load_exceptions(corpus)
    waivers = {(e["check"], e["document"], e["text"]) for e in exceptions}
    failing = [f for f in findings if (f.check, f.document, f.text) not in waivers]
    waived = [f for f in findings if (f.check, f.document, f.text) in waivers]
    # A waiver that matches nothing any more is stale: remove it, so it cannot hide a later finding.
    matched = {(f.check, f.document, f.text) for f in waived}
    failing += [
        QaFinding(
            "stale-waiver",
            e["document"],
            e["text"],
            f"the {e['check']} waiver in {e['file']} matches no finding; remove it",
        )
        for e in exceptions
        if (e["check"], e["document"], e["text"]) not in matched
    ]
    return failing, waived, density(docs)
