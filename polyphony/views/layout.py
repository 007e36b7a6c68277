"""Where spans fall among a document's sentences and tokens (shared by the task views)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any


class Layout:
    """Sentence and token lookups for one canonical document."""

    def __init__(self, doc: dict[str, Any]):
        self.doc = doc
        self.text: str = doc["text"]
        self.sentences = [(s["start"], s["end"]) for s in doc["sentences"]]
        self.tokens = [(t["start"], t["end"]) for t in doc["tokens"]]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._token_starts = [s for s, _ in self.tokens]
        self.token_index_at_start = {s: i for i, (s, _) in enumerate(self.tokens)}
        self.token_index_at_end = {e: i for i, (_, e) in enumerate(self.tokens)}
        self.mentions = {m["id"]: m for m in doc.get("mentions", ())}
        self.entity_of = {m: e["id"] for e in doc.get("entities", ()) for m in e["mentions"]}
        self.entities = {e["id"]: e for e in doc.get("entities", ())}

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing character `offset`."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_tokens(self, index: int) -> tuple[int, int]:
        """[first, last) token indices of sentence `index`."""
        start, end = self.sentences[index]
        first = bisect_right(self._token_starts, start) - 1
        last = bisect_right(self._token_starts, end - 1)
        return first, last

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """[first, last) token indices of a token-aligned character span."""
        return self.token_index_at_start[start], self.token_index_at_end[end] + 1

    def words(self, first: int, last: int) -> list[str]:
        return [self.text[s:e] for s, e in self.tokens[first:last]]
