"""Compile one authoring source (YAML) into a canonical document (the JSON the schema describes).

Offsets are computed here from anchors; ids are assigned here in text order; the compiled
document is then checked by the validator like any other.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import PolyphonyError
from ..records import entity_record
from ..schema import SCHEMA_VERSION
from ..text import normalise_text, segment_offsets
from .anchors import AnchorError, fold, resolve_anchor

AUTHORED_LICENCE = {"id": "CC-BY-4.0", "holder": "The Polyphony authors", "note": None}
METADATA_DEFAULTS: dict[str, Any] = {
    "provenance": "authored",
    "outlet": None,
    "outlet_id": None,
    "date_inferred": False,
    "date_note": None,
    "language": "en",
    "story_id": None,
    "source_file": None,
    "preprocessing": None,
}
SPECIAL_SOURCES = {"WRITER", "IMPLICIT"}


class CompileError(PolyphonyError):
    """An authoring source that cannot be compiled; lists every problem found."""

    def __init__(self, source: str, doc_id: str, problems: list[str]):
        self.source, self.doc_id, self.problems = source, doc_id, problems
        lines = [f"{source}: document {doc_id}: {p}" for p in problems]
        super().__init__("\n".join(lines))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class _Compiler:
    def __init__(self, raw: dict[str, Any], source: Path, repo: Path, propositions: dict[str, str]):
        self.raw, self.source, self.repo, self.propositions = raw, source, repo, propositions
        self.doc_id = str(raw.get("id", "?"))
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # -- text ---------------------------------------------------------------------------------
    def load_text(self) -> str:
        raw = self.raw
        if "text" in raw and "text_file" in raw:
            self.problem("text", "give either text or text_file, not both")
        if "text_file" in raw:
            path = (self.source.parent / raw["text_file"]).resolve()
            try:
                content = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CompileError(
                    str(self.source), self.doc_id, [f"text_file: cannot read {path}: {exc.strerror}"]
                ) from None
            try:
                self.source_file = str(path.relative_to(self.repo))
            except ValueError:
                self.source_file = str(path)
        else:
            content = raw.get("text")
            self.source_file = None
            if not isinstance(content, str):
                raise CompileError(str(self.source), self.doc_id, ["text: missing (give text or text_file)"])
        prefix = raw.get("drop_prefix")
        if prefix:
            if not content.startswith(prefix):
                raise CompileError(
                    str(self.source), self.doc_id, [f"drop_prefix: the text does not start with {prefix!r}"]
                )
            content = content[len(prefix) :]
        return normalise_text(content)

    def span(self, anchor: Any, where: str) -> tuple[int, int] | None:
        try:
            return resolve_anchor(anchor, self.text, self.folded)
        except AnchorError as exc:
            self.problem(where, str(exc))
            return None

    def span_obj(self, anchor: Any, where: str) -> dict[str, Any] | None:
        found = self.span(anchor, where)
        if found is None:
            return None
        start, end = found
        return {"start": start, "end": end, "text": self.text[start:end]}

    # -- layers -------------------------------------------------------------------------------
    def compile_entities(self) -> None:
        self.mention_at: dict[tuple[int, int], int] = {}
        self.entity_keys: dict[str, int] = {}
        mentions: list[dict[str, Any]] = []
        clusters: list[tuple[dict[str, Any], list[int]]] = []
        for i, ent in enumerate(self.raw.get("entities") or []):
            where = f"entities[{i}]"
            if not isinstance(ent, dict) or "type" not in ent or "name" not in ent:
                self.problem(where, "an entity needs at least type, name and mentions")
                continue
            key = str(ent.get("key") or _slug(str(ent["name"])))
            if key in self.entity_keys:
                self.problem(where, f"entity key {key!r} is used twice; give one of them a distinct key")
            members: list[int] = []
            for j, entry in enumerate(ent.get("mentions") or []):
                mwhere = f"{where}.mentions[{j}]"
                level, _, anchor = str(entry).partition(" ")
                if level not in {"NAM", "NOM", "PRO"}:
                    self.problem(mwhere, f"{entry!r} should start with NAM, NOM or PRO then the anchor")
                    continue
                found = self.span(anchor, mwhere)
                if found is None:
                    continue
                if found in self.mention_at:
                    self.problem(mwhere, f"span {self.text[found[0] : found[1]]!r} at {found} is already a mention")
                    continue
                self.mention_at[found] = len(mentions)
                members.append(len(mentions))
                mentions.append(
                    {
                        "start": found[0],
                        "end": found[1],
                        "text": self.text[found[0] : found[1]],
                        "type": ent["type"],
                        "level": level,
                    }
                )
            if not members:
                self.problem(where, f"entity {ent.get('name')!r} has no mention")
                continue
            self.entity_keys[key] = len(clusters)
            clusters.append((ent, members))
        order = sorted(range(len(mentions)), key=lambda k: (mentions[k]["start"], mentions[k]["end"]))
        self.mention_id = {old: f"m{new + 1}" for new, old in enumerate(order)}
        self.mentions = [{"id": self.mention_id[old], **mentions[old]} for old in order]
        self.mention_at = {span: int(self.mention_id[idx][1:]) - 1 for span, idx in self.mention_at.items()}
        cluster_order = sorted(
            range(len(clusters)), key=lambda c: min(int(self.mention_id[m][1:]) for m in clusters[c][1])
        )
        self.entity_id = {old: f"e{new + 1}" for new, old in enumerate(cluster_order)}
        self.entities = []
        for old in cluster_order:
            ent, members = clusters[old]
            ids = sorted((self.mention_id[m] for m in members), key=lambda s: int(s[1:]))
            self.entities.append(
                entity_record(
                    self.entity_id[old],
                    ent["type"],
                    str(ent["name"]),
                    ids,
                    ent.get("world_id"),
                    ent.get("wikidata"),
                    ent.get("value"),
                )
            )
        self.entity_by_key = {key: self.entity_id[idx] for key, idx in self.entity_keys.items()}

    def mention_ref(self, anchor: Any, where: str) -> str | None:
        found = self.span(anchor, where)
        if found is None:
            return None
        if found not in self.mention_at:
            self.problem(
                where, f"anchor {anchor!r} gives {self.text[found[0] : found[1]]!r} {found}, which is not a mention"
            )
            return None
        return self.mentions[self.mention_at[found]]["id"]

    def compile_events(self) -> None:
        events = []
        self.event_keys: dict[str, int] = {}
        for i, ev in enumerate(self.raw.get("events") or []):
            where = f"events[{i}]"
            trigger = self.span_obj(ev.get("trigger"), f"{where}.trigger")
            if trigger is None:
                continue
            arguments = []
            for role, anchors in (ev.get("args") or {}).items():
                for k, anchor in enumerate(anchors if isinstance(anchors, list) else [anchors]):
                    ref = self.mention_ref(anchor, f"{where}.args.{role}[{k}]")
                    if ref:
                        arguments.append({"role": role, "mention": ref})
            arguments.sort(key=lambda a: (int(a["mention"][1:]), a["role"]))
            if ev.get("key"):
                self.event_keys[str(ev["key"])] = len(events)
            events.append(
                {
                    "trigger": trigger,
                    "type": ev.get("type"),
                    "arguments": arguments,
                    "realis": ev.get("realis", "ACTUAL"),
                    "polarity": ev.get("polarity", "POSITIVE"),
                    "modality": ev.get("modality", "ASSERTED"),
                    "story_event": ev.get("story_event"),
                }
            )
        order = sorted(range(len(events)), key=lambda k: (events[k]["trigger"]["start"], events[k]["trigger"]["end"]))
        new_id = {old: f"ev{new + 1}" for new, old in enumerate(order)}
        self.events = [{"id": new_id[old], **events[old]} for old in order]
        self.event_by_key = {key: new_id[idx] for key, idx in self.event_keys.items()}

    def compile_attributions(self) -> None:
        items = []
        keys: dict[str, int] = {}
        parents: list[tuple[int, str, str]] = []
        for i, at in enumerate(self.raw.get("attributions") or []):
            where = f"attributions[{i}]"
            cue = self.span_obj(at.get("cue"), f"{where}.cue")
            source_raw = at.get("source")
            if source_raw in SPECIAL_SOURCES:
                source = {"kind": source_raw, "mention": None}
            else:
                source = {"kind": "MENTION", "mention": self.mention_ref(source_raw, f"{where}.source")}
            contents = at.get("content")
            contents = contents if isinstance(contents, list) else [contents]
            content = [self.span_obj(c, f"{where}.content[{k}]") for k, c in enumerate(contents)]
            addressee = self.mention_ref(at["addressee"], f"{where}.addressee") if at.get("addressee") else None
            if cue is None or any(c is None for c in content):
                continue
            if at.get("key"):
                keys[str(at["key"])] = len(items)
            if at.get("parent"):
                parents.append((len(items), str(at["parent"]), f"{where}.parent"))
            default_type = {"WRITER": "WRITER", "IMPLICIT": "UNSPECIFIED"}.get(str(source_raw))
            items.append(
                {
                    "cue": cue,
                    "source": source,
                    "source_type": at.get("source_type", default_type),
                    "content": sorted(content, key=lambda s: (s["start"], s["end"])),
                    "quote_type": at.get("quote_type"),
                    "parent": None,
                    "addressee": addressee,
                }
            )
        order = sorted(range(len(items)), key=lambda k: (items[k]["cue"]["start"], items[k]["cue"]["end"]))
        new_id = {old: f"a{new + 1}" for new, old in enumerate(order)}
        for idx, key, where in parents:
            if key not in keys:
                self.problem(where, f"no attribution has key {key!r}")
            else:
                items[idx]["parent"] = new_id[keys[key]]
        self.attributions = [{"id": new_id[old], **items[old]} for old in order]
        self.attribution_by_key = {key: new_id[idx] for key, idx in keys.items()}

    def compile_stances(self) -> None:
        self.stances = []
        used_props: list[str] = []
        for i, st in enumerate(self.raw.get("stances") or []):
            where = f"stances[{i}]"
            holder_raw = st.get("holder")
            if holder_raw == "WRITER":
                holder = {"kind": "WRITER", "id": None}
            elif holder_raw in self.entity_by_key:
                holder = {"kind": "ENTITY", "id": self.entity_by_key[holder_raw]}
            else:
                self.problem(f"{where}.holder", f"{holder_raw!r} is neither WRITER nor an entity key")
                continue
            target_raw = st.get("target") or {}
            if not isinstance(target_raw, dict) or len(target_raw) != 1:
                self.problem(f"{where}.target", "give exactly one of entity: KEY, event: KEY, proposition: ID")
                continue
            kind, key = next(iter(target_raw.items()))
            key = str(key)
            table = {"entity": self.entity_by_key, "event": self.event_by_key}.get(kind)
            if kind == "proposition":
                if key not in self.propositions:
                    self.problem(f"{where}.target", f"proposition {key!r} is not in the corpus inventory")
                    continue
                target = {"kind": "PROPOSITION", "id": key}
                if key not in used_props:
                    used_props.append(key)
            elif table is not None and key in table:
                target = {"kind": kind.upper(), "id": table[key]}
            else:
                self.problem(f"{where}.target", f"no {kind} has key {key!r}")
                continue
            evidence_raw = st.get("evidence") or {}
            spans = [
                self.span_obj(a, f"{where}.evidence.spans[{k}]") for k, a in enumerate(evidence_raw.get("spans") or [])
            ]
            atts = []
            for k, key_a in enumerate(evidence_raw.get("attributions") or []):
                if key_a in self.attribution_by_key:
                    atts.append(self.attribution_by_key[key_a])
                else:
                    self.problem(f"{where}.evidence.attributions[{k}]", f"no attribution has key {key_a!r}")
            if any(s is None for s in spans):
                continue
            self.stances.append(
                {
                    "id": f"st{len(self.stances) + 1}",
                    "holder": holder,
                    "target": target,
                    "polarity": st.get("polarity"),
                    "explicitness": st.get("explicitness", "EXPLICIT"),
                    "evidence": {
                        "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
                        "attributions": sorted(set(atts), key=lambda s: int(s[1:])),
                    },
                }
            )
        self.used_propositions = sorted(used_props)

    # -- document -----------------------------------------------------------------------------
    def metadata(self) -> dict[str, Any]:
        raw_meta = dict(self.raw.get("metadata") or {})
        meta = {**METADATA_DEFAULTS, **raw_meta}
        if meta["provenance"] == "authored" and "licence" not in raw_meta:
            meta["licence"] = dict(AUTHORED_LICENCE)
        if meta.get("source_file") is None:
            meta["source_file"] = self.source_file
        meta["annotators"] = list(self.raw.get("annotators") or [])
        if "date" in meta:
            meta["date"] = str(meta["date"])
        return meta

    def run(self) -> dict[str, Any]:
        self.text = self.load_text()
        self.folded = fold(self.text)
        self.compile_entities()
        self.compile_events()
        self.compile_attributions()
        self.compile_stances()
        if self.problems:
            raise CompileError(str(self.source), self.doc_id, self.problems)
        sentences, tokens = segment_offsets(self.text)
        title = self.raw.get("title") or self.text.split("\n", 1)[0]
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.doc_id,
            "title": title,
            "text": self.text,
            "metadata": self.metadata(),
            "sentences": sentences,
            "tokens": tokens,
            "mentions": self.mentions,
            "entities": self.entities,
            "events": self.events,
            "attributions": self.attributions,
            "propositions": [{"id": p, "label": self.propositions[p]} for p in self.used_propositions],
            "stances": self.stances,
        }


def compile_source(raw: dict[str, Any], source: Path, repo: Path, propositions: dict[str, str]) -> dict[str, Any]:
    """Compile a parsed authoring source; `source` is its path (for relative text_file and messages)."""
    if not isinstance(raw, dict) or "id" not in raw:
        raise CompileError(str(source), "?", ["the file must be a mapping with at least id and text"])
    return _Compiler(raw, source, repo, propositions).run()


def compile_file(path: Path, repo: Path, propositions: dict[str, str]) -> dict[str, Any]:
    """Read and compile one authoring YAML file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise CompileError(f"{path}{line}", "?", [f"not valid YAML: {getattr(exc, 'problem', exc)}"]) from None
    return compile_source(raw, path, repo, propositions)
