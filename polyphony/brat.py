"""The brat standoff format: export for the brat annotation tool, and import back.

Each document becomes `ID.txt` (the text), `ID.ann` (standoff lines) and `ID.json` (what brat has no
place for: title, metadata, propositions and stances); one `annotation.conf` describes the labels,
generated from the schema. In `ID.ann`:

- a mention is a text-bound `T` line typed by its entity type, with a `Level` attribute;
- an entity is a `Reference` normalisation (`N`) of its first mention: `Polyphony:e3` with the
  canonical name, and `World:`, `Wikidata:` and `Value:` lines where it has them; its mentions are
  one `Coreference` equivalence (`*`) line, in the entity's order;
- an event is an `E` line on a trigger `T` typed by its event type, with its arguments as roles (a
  role repeated gets brat's number suffix, `Actor2`), `Realis`, `Polarity` and `Modality`
  attributes, and a `Story:` normalisation for its story event;
- an attribution is an `Attribution` event on its `Cue`, with a `Content` span (discontinuous where
  the content is), `Source`, `Addressee` and `Parent` arguments, and `SourceKind`, `SourceType`
  and `QuoteType` attributes.

Import numbers mentions, entities, events and attributions in the order their lines come, which is
the order export writes them, so a document goes out and comes back unchanged. Tokens and
sentences are recomputed from the text.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .errors import PolyphonyError
from .records import entity_record
from .schema import SCHEMA_VERSION, inventory
from .text import segment_offsets

CONF = "annotation.conf"
SIDECAR_KEYS = ("schema_version", "id", "title", "metadata", "propositions", "stances")
LINKS = {"World": "world_id", "Wikidata": "wikidata", "Value": "value"}  # reference database -> entity field
_ROLE_SUFFIX = re.compile(r"^(.*?)(\d*)$")


def _flat(text: str) -> str:
    """Span text as brat shows it on one line."""
    return text.replace("\n", " ").replace("\t", " ")


class _Lines:
    """Numbered standoff lines of one document."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.counts: dict[str, int] = {}

    def new_id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def textbound(self, label: str, spans: list[dict[str, Any]]) -> str:
        tid = self.new_id("T")
        offsets = ";".join(f"{s['start']} {s['end']}" for s in spans)
        self.lines.append(f"{tid}\t{label} {offsets}\t{' '.join(_flat(s['text']) for s in spans)}")
        return tid

    def attribute(self, name: str, target: str, value: str) -> None:
        self.lines.append(f"{self.new_id('A')}\t{name} {target} {value}")

    def reference(self, target: str, database: str, key: str, text: str) -> None:
        self.lines.append(f"{self.new_id('N')}\tReference {target} {database}:{key}\t{_flat(text)}")


def to_standoff(doc: dict[str, Any]) -> str:
    """The `.ann` text of one canonical document."""
    out = _Lines()
    tid: dict[str, str] = {}  # mention id -> T id
    for m in doc["mentions"]:
        tid[m["id"]] = out.textbound(m["type"], [m])
        out.attribute("Level", tid[m["id"]], m["level"])
    for e in doc["entities"]:
        first = tid[e["mentions"][0]]
        out.reference(first, "Polyphony", e["id"], e["name"])
        for database, key in LINKS.items():
            if e[key] is not None:
                out.reference(first, database, e[key], e["name"])
        if len(e["mentions"]) > 1:
            out.lines.append("*\tCoreference " + " ".join(tid[m] for m in e["mentions"]))
    eid: dict[str, str] = {}  # event or attribution id -> E id
    for ev in doc["events"]:
        trigger = out.textbound(ev["type"], [ev["trigger"]])
        eid[ev["id"]] = out.new_id("E")
        out.lines.append(
            f"{eid[ev['id']]}\t{ev['type']}:{trigger}" + _roles((a["role"], tid[a["mention"]]) for a in ev["arguments"])
        )
        for name in ("realis", "polarity", "modality"):
            out.attribute(name.capitalize(), eid[ev["id"]], ev[name])
        if ev["story_event"] is not None:
            out.reference(eid[ev["id"]], "Story", ev["story_event"], ev["story_event"])
    for at in doc["attributions"]:  # numbered first: a parent may come after the attribution it holds
        eid[at["id"]] = out.new_id("E")
    for at in doc["attributions"]:
        cue = out.textbound("Cue", [at["cue"]])
        content = out.textbound("Content", at["content"])
        args = [("Content", content)]
        if at["source"]["mention"] is not None:
            args.append(("Source", tid[at["source"]["mention"]]))
        if at["addressee"] is not None:
            args.append(("Addressee", tid[at["addressee"]]))
        if at["parent"] is not None:
            args.append(("Parent", eid[at["parent"]]))
        out.lines.append(f"{eid[at['id']]}\tAttribution:{cue}" + _roles(args))
        out.attribute("SourceKind", eid[at["id"]], at["source"]["kind"])
        out.attribute("SourceType", eid[at["id"]], at["source_type"])
        out.attribute("QuoteType", eid[at["id"]], at["quote_type"])
    return "".join(line + "\n" for line in out.lines)


def _roles(args: Iterable[tuple[str, str]]) -> str:
    seen: dict[str, int] = {}
    parts = []
    for role, target in args:
        seen[role] = seen.get(role, 0) + 1
        parts.append(f" {role}{seen[role] if seen[role] > 1 else ''}:{target}")
    return "".join(parts)


def annotation_conf() -> str:
    """brat's label configuration, from the schema's inventories."""
    inv = inventory()
    lines = ["[entities]", *inv.entity_types, "Cue", "Content", "", "[relations]"]
    lines += ["Coreference\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive", "", "[events]"]
    for event_type in inv.event_types:
        roles = ", ".join(f"{role}*:<ENTITY>" for role in inv.roles_by_event_type[event_type])
        lines.append(f"{event_type}\t{roles}" if roles else event_type)
    lines.append("Attribution\tContent:Content, Source?:<ENTITY>, Addressee?:<ENTITY>, Parent?:Attribution")
    lines += ["", "[attributes]", f"Level\tArg:<ENTITY>, Value:{'|'.join(inv.mention_levels)}"]
    for name, values in (("Realis", inv.realis), ("Polarity", inv.polarity), ("Modality", inv.modality)):
        lines.append(f"{name}\tArg:<EVENT>, Value:{'|'.join(values)}")
    for name, values in (
        ("SourceKind", inv.source_kinds),
        ("SourceType", inv.source_types),
        ("QuoteType", inv.quote_types),
    ):
        lines.append(f"{name}\tArg:Attribution, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def export_brat(docs: Iterable[dict[str, Any]], out: Path) -> int:
    """Write every document to the directory `out` (replaced whole, never half-written)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        count = 0
        for doc in docs:
            sidecar = {key: doc[key] for key in SIDECAR_KEYS}
            (staging / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8", newline="")
            (staging / f"{doc['id']}.ann").write_text(to_standoff(doc), encoding="utf-8", newline="")
            (staging / f"{doc['id']}.json").write_bytes(orjson.dumps(sidecar, option=orjson.OPT_INDENT_2) + b"\n")
            count += 1
        (staging / CONF).write_text(annotation_conf(), encoding="utf-8")
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(staging, out)
            shutil.rmtree(old)
        else:
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


@dataclass
class _Parsed:
    """The lines of one `.ann` file, by kind, in file order."""

    textbounds: dict[str, tuple[str, list[tuple[int, int]], int]] = field(default_factory=dict)
    events: list[tuple[str, str, str, list[tuple[str, str]], int]] = field(default_factory=list)
    attributes: dict[tuple[str, str], str] = field(default_factory=dict)
    references: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    chains: dict[str, list[str]] = field(default_factory=dict)  # each member -> its whole chain


def _parse(path: Path) -> _Parsed:
    parsed = _Parsed()
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        kind = fields[0][:1]
        try:
            if kind == "T":
                label, _, offsets = fields[1].partition(" ")
                spans = [(int(s), int(e)) for s, e in (piece.split() for piece in offsets.split(";"))]
                parsed.textbounds[fields[0]] = (label, spans, number)
            elif kind == "E":
                head, *args = fields[1].split()
                label, _, trigger = head.partition(":")
                pairs = [tuple(arg.split(":", 1)) for arg in args]
                if not trigger or any(len(p) != 2 for p in pairs):
                    raise ValueError
                parsed.events.append((fields[0], label, trigger, pairs, number))
            elif kind == "A":
                name, target, value = fields[1].split()
                parsed.attributes[(target, name)] = value
            elif kind == "N":
                _, target, key = fields[1].split()
                database, _, value = key.partition(":")
                parsed.references.append((target, database, value, fields[2], number))
            elif kind == "*":
                _, *members = fields[1].split()
                if len(members) < 2:
                    raise ValueError
                parsed.chains.update((member, members) for member in members)
            elif kind != "#":
                raise ValueError
        except (ValueError, IndexError):
            raise PolyphonyError(
                f"{where}: cannot read {line!r}; expected a brat standoff line (T, E, A, N, * or #)"
            ) from None
    return parsed


def _need(table: dict[str, Any], key: str, where: str, what: str) -> Any:
    if key not in table:
        raise PolyphonyError(f"{where}: {what} {key!r} is not defined in this file")
    return table[key]


def from_standoff(text: str, ann: Path, sidecar: dict[str, Any]) -> dict[str, Any]:
    """One canonical document from its text, `.ann` file and sidecar."""
    parsed = _parse(ann)
    inv = inventory()
    entity_types = set(inv.entity_types)

    def span(tid: str, where: str) -> list[dict[str, Any]]:
        _, spans, _ = _need(parsed.textbounds, tid, where, "text-bound annotation")
        for start, end in spans:
            if not 0 <= start < end <= len(text):
                raise PolyphonyError(
                    f"{where}: span [{start}, {end}) of {tid} is outside the text (length {len(text)})"
                )
        return [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]

    def attribute(target: str, name: str, where: str) -> str:
        if (target, name) not in parsed.attributes:
            raise PolyphonyError(f"{where}: {target} has no {name} attribute")
        return parsed.attributes[(target, name)]

    mention_id: dict[str, str] = {}
    mentions = []
    for tid, (label, _, number) in parsed.textbounds.items():
        if label in entity_types:
            where = f"{ann}:{number}"
            mention_id[tid] = f"m{len(mentions) + 1}"
            (piece,) = span(tid, where)
            level = attribute(tid, "Level", where)
            mentions.append({"id": mention_id[tid], **piece, "type": label, "level": level})
    entities: list[dict[str, Any]] = []
    for target, database, value, name, number in parsed.references:
        where = f"{ann}:{number}"
        if database == "Polyphony":
            members = parsed.chains.get(target, [target])  # in the order of its Coreference line
            ids = [_need(mention_id, t, where, "mention") for t in members]
            entities.append(entity_record(f"e{len(entities) + 1}", parsed.textbounds[target][0], name, ids))
        elif database in LINKS:
            if not entities or entities[-1]["mentions"][0] != mention_id.get(target):
                raise PolyphonyError(f"{where}: a {database} reference must follow its entity's Polyphony reference")
            entities[-1][LINKS[database]] = value
        elif database != "Story":
            known = ", ".join(["Polyphony", *LINKS, "Story"])
            raise PolyphonyError(f"{where}: unknown reference database {database!r}; expected one of {known}")
    story = {target: value for target, database, value, _, _ in parsed.references if database == "Story"}
    event_id: dict[str, str] = {}  # numbered first: a parent may come after the attribution it holds
    numbered = {"a": 0, "ev": 0}
    for eid, label, *_ in parsed.events:
        prefix = "a" if label == "Attribution" else "ev"
        numbered[prefix] += 1
        event_id[eid] = f"{prefix}{numbered[prefix]}"
    events, attributions = [], []
    for eid, label, trigger, args, number in parsed.events:
        where = f"{ann}:{number}"
        roles = [(_ROLE_SUFFIX.sub(r"\1", role), target) for role, target in args]
        if label == "Attribution":
            named = dict(roles)
            source = named.get("Source")
            attributions.append(
                {
                    "id": event_id[eid],
                    "cue": span(trigger, where)[0],
                    "source": {
                        "kind": attribute(eid, "SourceKind", where),
                        "mention": _need(mention_id, source, where, "mention") if source else None,
                    },
                    "source_type": attribute(eid, "SourceType", where),
                    "content": span(_need(named, "Content", where, "role"), where),
                    "quote_type": attribute(eid, "QuoteType", where),
                    "parent": _need(event_id, named["Parent"], where, "attribution") if "Parent" in named else None,
                    "addressee": _need(mention_id, named["Addressee"], where, "mention")
                    if "Addressee" in named
                    else None,
                }
            )
        else:
            events.append(
                {
                    "id": event_id[eid],
                    "trigger": span(trigger, where)[0],
                    "type": label,
                    "arguments": [{"role": r, "mention": _need(mention_id, t, where, "mention")} for r, t in roles],
                    "realis": attribute(eid, "Realis", where),
                    "polarity": attribute(eid, "Polarity", where),
                    "modality": attribute(eid, "Modality", where),
                    "story_event": story.get(eid),
                }
            )
    used = set(mention_id) | {trigger for _, _, trigger, _, _ in parsed.events}
    used |= {target for *_, args, _ in parsed.events for role, target in args if role == "Content"}
    for tid, (label, _, number) in parsed.textbounds.items():
        if tid not in used:  # would be lost on import: say so instead
            raise PolyphonyError(
                f"{ann}:{number}: {tid} ({label}) is neither a mention (an entity type) nor the trigger, "
                "cue or content of an event"
            )
    sentences, tokens = segment_offsets(text)
    doc = {key: sidecar[key] for key in ("schema_version", "id", "title")}
    doc.update(text=text, metadata=sidecar["metadata"], sentences=sentences, tokens=tokens)
    doc.update(mentions=mentions, entities=entities, events=events, attributions=attributions)
    doc.update(propositions=sidecar["propositions"], stances=sidecar["stances"])
    return doc


def import_brat(directory: Path) -> list[dict[str, Any]]:
    """Every document of a brat directory written by `export_brat` (or edited since), by file name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise PolyphonyError(f"{directory}: not a directory of brat files")
    anns = sorted(directory.glob("*.ann"))
    if not anns:
        raise PolyphonyError(f"{directory}: no .ann files")
    docs = []
    for ann in anns:
        txt, side = ann.with_suffix(".txt"), ann.with_suffix(".json")
        for needed in (txt, side):
            if not needed.exists():
                raise PolyphonyError(f"{ann}: its companion {needed.name} is missing")
        try:
            sidecar = orjson.loads(side.read_bytes())
        except orjson.JSONDecodeError as exc:
            raise PolyphonyError(f"{side}: not valid JSON: {exc}") from None
        missing = [key for key in SIDECAR_KEYS if key not in sidecar]
        if missing:
            raise PolyphonyError(f"{side}: missing {', '.join(missing)}; expected the keys {', '.join(SIDECAR_KEYS)}")
        if sidecar["schema_version"] != SCHEMA_VERSION:
            raise PolyphonyError(f"{side}: schema_version {sidecar['schema_version']!r}; expected {SCHEMA_VERSION!r}")
        text = txt.read_bytes().decode("utf-8")
        docs.append(from_standoff(text, ann, sidecar))
    return docs
