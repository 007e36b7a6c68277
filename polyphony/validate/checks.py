"""Validation findings and the registry of checks: a stable kebab-case id, a level, an explanation.

Levels follow the Universal Dependencies validator: a document that fails a level is not checked
at the levels above it, so every finding can trust what the lower levels established.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT, STRUCTURE, TEXT, REFERENCES, LABELS = 1, 2, 3, 4, 5
LEVEL_NAMES = {
    FORMAT: "format",
    STRUCTURE: "structure",
    TEXT: "text and offsets",
    REFERENCES: "references",
    LABELS: "labels and consistency",
}

CHECKS: dict[str, tuple[int, str]] = {
    "json-parse": (FORMAT, "Each line of a JSON Lines file must be one complete JSON value."),
    "not-an-object": (FORMAT, "Each line must hold one JSON object: a whole document."),
    "missing-field": (STRUCTURE, "A field the schema requires is absent; write null or [] where there is nothing."),
    "unexpected-field": (
        STRUCTURE,
        "A field the schema does not define; check its spelling against schema/polyphony.schema.json.",
    ),
    "wrong-type": (STRUCTURE, "A value of the wrong JSON type (for example a string where an integer offset belongs)."),
    "bad-format": (
        STRUCTURE,
        "A string that does not match its pattern: ids are m1, e1, ev1, a1, st1; dates YYYY-MM-DD.",
    ),
    "unknown-label": (STRUCTURE, "A label outside its inventory; the inventories are the enums in the schema's $defs."),
    "out-of-range": (STRUCTURE, "A number below its minimum or an empty string or list where one item is needed."),
    "unsupported-schema-version": (STRUCTURE, "The document names a schema version this validator does not implement."),
    "missing-layer": (
        STRUCTURE,
        "Gold documents carry every layer (mentions, entities, events, attributions, "
        "propositions, stances), empty if need be; predictions may leave layers out (--partial).",
    ),
    "text-not-nfc": (TEXT, "The text must be NFC-normalised Unicode so that offsets mean the same everywhere."),
    "text-bad-newline": (TEXT, "Line ends are \\n only; a \\r changes every offset after it on other platforms."),
    "text-not-stripped": (TEXT, "The text must not start or end with whitespace."),
    "span-reversed": (TEXT, "A span needs start < end: spans are half-open [start, end) and never empty."),
    "offset-out-of-range": (TEXT, "A span ends past the end of the text."),
    "span-text-mismatch": (TEXT, "A span's stored text must equal text[start:end]; a mismatch means shifted offsets."),
    "span-not-token-aligned": (TEXT, "Annotated spans start and end on token boundaries (see polyphony.text)."),
    "tokens-not-tiling": (
        TEXT,
        "Tokens are sorted, do not overlap, contain no whitespace, and cover every other character.",
    ),
    "sentences-not-tiling": (
        TEXT,
        "Sentences are sorted, do not overlap, start and end on non-whitespace and cover every non-whitespace character.",
    ),
    "token-crosses-sentence": (
        TEXT,
        "Every sentence starts and ends on token boundaries, so no token belongs to two sentences.",
    ),
    "duplicate-id": (REFERENCES, "Ids are unique within a document."),
    "dangling-reference": (REFERENCES, "A reference to an id that the document does not define."),
    "duplicate-mention-span": (REFERENCES, "Two mentions with the same span; one span is one mention of one entity."),
    "mention-not-in-entity": (
        REFERENCES,
        "Every mention belongs to an entity (a singleton entity if it corefers with nothing).",
    ),
    "mention-in-several-entities": (REFERENCES, "A mention belongs to exactly one entity."),
    "entity-type-mismatch": (REFERENCES, "A mention has the type of its entity."),
    "attribution-cycle": (REFERENCES, "Following parent links from an attribution must end, never return to it."),
    "nested-outside-parent": (
        REFERENCES,
        "A nested attribution is reported inside its parent: its cue lies inside one of the parent's content spans.",
    ),
    "role-not-allowed": (LABELS, "Each event type allows the roles listed in the schema ($defs.EventType.x-roles)."),
    "argument-type-not-allowed": (
        LABELS,
        "Each role allows the entity types listed in the schema ($defs.Role.x-entity-types).",
    ),
    "realis-modality-conflict": (
        LABELS,
        "Realis and modality must agree ($defs.Modality.x-realis): an ACTUAL event is asserted or hedged.",
    ),
    "source-kind-mismatch": (
        LABELS,
        "A MENTION source names its mention and has a source type allowed for mentions; "
        "WRITER and IMPLICIT sources have no mention and the source type WRITER or UNSPECIFIED.",
    ),
    "holder-kind-mismatch": (LABELS, "An ENTITY holder names an entity id; a WRITER holder has id null."),
    "stance-without-evidence": (LABELS, "A stance cites at least one evidence span or attribution."),
    "overlapping-names": (
        LABELS,
        "Name (NAM) and time mentions do not overlap one another, so the flat NER view is lossless.",
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one document."""

    check: str
    path: str
    message: str
    expected: str = ""
    file: str = ""
    line: int = 0
    doc_id: str = ""

    @property
    def level(self) -> int:
        return CHECKS[self.check][0]

    def located(self, file: str, line: int, doc_id: str) -> Finding:
        return Finding(self.check, self.path, self.message, self.expected, file, line, doc_id)

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        expected = f"; expected {self.expected}" if self.expected else ""
        return f"{where}: document {self.doc_id or '?'}: {self.path}: [{self.check}] {self.message}{expected}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "document": self.doc_id,
            "path": self.path,
            "check": self.check,
            "level": self.level,
            "message": self.message,
            "expected": self.expected,
        }
