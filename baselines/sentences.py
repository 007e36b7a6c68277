"""Sentence records joined from the task-view rows: tokens with offsets plus the gold labels that the
taggers learn (mentions, triggers, cues, contents), all as token spans within the sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sentence:
    document_id: str
    index: int
    words: list[str]
    starts: list[int]
    ends: list[int]
    mentions: list[dict[str, Any]] = field(default_factory=list)  # start, end (tokens), type, level, mention_id
    events: list[dict[str, Any]] = field(default_factory=list)  # rows of the events view
    cues: list[tuple[int, int]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)  # rows of the attribution view

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token span of a character span inside this sentence (None if it is not token-aligned here)."""
        try:
            return self.starts.index(start), self.ends.index(end) + 1
        except ValueError:
            return None

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.ends[last - 1]


def join_views(views: dict[str, list[dict[str, Any]]]) -> dict[str, list[Sentence]]:
    """document id -> its sentences, with the labels of the events and attribution views attached."""
    docs: dict[str, list[Sentence]] = {}
    for row in views["ner"]:
        sentence = Sentence(
            row["document_id"],
            row["sentence_index"],
            row["tokens"],
            row["token_starts"],
            row["token_ends"],
            [dict(m) for m in row["mentions"]],
        )
        docs.setdefault(row["document_id"], []).append(sentence)
    for sentences in docs.values():
        sentences.sort(key=lambda s: s.index)
    for row in views.get("events", ()):
        docs[row["document_id"]][row["sentence_index"]].events.append(row)
    for row in views.get("attribution", ()):
        origin = row["context_start"]
        cue = (row["cue"]["start"] + origin, row["cue"]["end"] + origin)
        for sentence in docs[row["document_id"]]:
            span = sentence.token_span(*cue)
            if span:
                sentence.cues.append(span)
                sentence.attributions.append(row)
                break
    return docs
