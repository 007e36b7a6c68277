"""The fast path of the text level for a batch of documents, vectorised with NumPy.

`texts_ok(docs)[i]` is True only if `check_text(docs[i])` would find nothing; a False sends that
document down the detailed path, which says what is wrong. The documents must have passed the
structural level (offsets are integers, spans have text). Every document's text is laid end to end
in one array of code points, so tokens, sentences and spans of the whole batch are checked with a
few array operations instead of a Python loop per token.
"""

from __future__ import annotations

import unicodedata
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np

from .spans import all_spans

# The characters str.isspace() and str.split() treat as whitespace (all below U+3001).
WHITESPACE = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_bounds = itemgetter("start", "end")
_span = itemgetter("start", "end", "text")


class _Fallback(Exception):
    """The batch holds something the vectorised path does not handle; the detailed path decides."""


def _integers(values: list[Any]) -> np.ndarray:
    """Offsets as an array; a float among them (5.0 passes JSON Schema's "integer") sends the batch
    down the detailed path, which reports it."""
    if type(sum(values)) is not int:
        raise _Fallback
    try:
        return np.fromiter(values, dtype=np.int64, count=len(values))
    except OverflowError:
        raise _Fallback from None


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


class _Batch:
    """Texts of a batch laid end to end, with the per-document bookkeeping the checks share."""

    def __init__(self, texts: list[str]) -> None:
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.base = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(lengths[:-1], out=self.base[1:])
        self.lengths = lengths
        self.code_points = _code_points("".join(texts))
        self.size = len(self.code_points)
        self.solid = ~np.isin(self.code_points, WHITESPACE)  # non-whitespace characters
        self.bad = np.zeros(len(texts), dtype=bool)

    def items(self, per_doc: list[list[Any]], getter: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Doc index, start and end of every item, with items out of their text's range marked bad
        (and clipped, so that they cannot touch another document's characters)."""
        counts = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
        flat = _integers(list(chain.from_iterable(map(getter, chain.from_iterable(per_doc)))))
        starts, ends = flat[0::2], flat[1::2]
        doc = np.repeat(np.arange(len(per_doc)), counts)
        valid = (starts >= 0) & (starts < ends) & (ends <= self.lengths[doc])
        self.mark(doc[~valid])
        keep = valid & ~self.bad[doc]
        return doc[keep], starts[keep] + self.base[doc[keep]], ends[keep] + self.base[doc[keep]]

    def ordered(self, doc: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> None:
        """Within each document, every item ends before the next one starts."""
        same = doc[1:] == doc[:-1]
        self.mark(doc[1:][same & (starts[1:] < ends[:-1])])

    def coverage(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """How many items cover each character (0 or 1 for ordered items)."""
        delta = np.bincount(starts, minlength=self.size + 1) - np.bincount(ends, minlength=self.size + 1)
        return np.cumsum(delta[: self.size])

    def mark(self, doc: np.ndarray) -> None:
        self.bad[doc] = True

    def mark_positions(self, positions: np.ndarray) -> None:
        self.mark(np.searchsorted(self.base, positions, side="right") - 1)

    def boundaries(self, positions: np.ndarray) -> np.ndarray:
        flags = np.zeros(self.size + 1, dtype=bool)
        flags[positions] = True
        return flags


def texts_ok(docs: list[dict[str, Any]]) -> list[bool]:
    """One flag per document: True only if the text level would find nothing in it."""
    texts = [d["text"] for d in docs]
    try:
        batch = _Batch(texts)
        tokens = [d["tokens"] for d in docs]
        sentences = [d["sentences"] for d in docs]
        spans = [all_spans(d) for d in docs]
        for i, text in enumerate(texts):
            clean = "\r" not in text and not text[:1].isspace() and not text[-1:].isspace()
            batch.bad[i] = not (tokens[i] and clean and unicodedata.is_normalized("NFC", text))
        # Tokens: ordered and covering exactly the non-whitespace characters.
        doc, t_starts, t_ends = batch.items(tokens, _bounds)
        batch.ordered(doc, t_starts, t_ends)
        batch.mark_positions(np.flatnonzero(batch.coverage(t_starts, t_ends) != batch.solid))
        token_start, token_end = batch.boundaries(t_starts), batch.boundaries(t_ends)
        # Sentences: ordered, covering every non-whitespace character, starting and ending on one,
        # and on token boundaries.
        doc, s_starts, s_ends = batch.items(sentences, _bounds)
        batch.ordered(doc, s_starts, s_ends)
        batch.mark_positions(np.flatnonzero(batch.solid & (batch.coverage(s_starts, s_ends) == 0)))
        edges = ~batch.solid[s_starts] | ~batch.solid[s_ends - 1] | ~token_start[s_starts] | ~token_end[s_ends]
        batch.mark(doc[edges])
        # Spans: inside the text, on token boundaries, and their stored text equal to the slice.
        flat = list(chain.from_iterable(spans))
        span_doc = np.repeat(np.arange(len(docs)), np.fromiter(map(len, spans), dtype=np.int64, count=len(docs)))
        if flat:
            starts, ends, stored = zip(*map(_span, flat), strict=True)
            starts_a, ends_a = _integers(list(starts)), _integers(list(ends))
            lengths = np.fromiter(map(len, stored), dtype=np.int64, count=len(stored))
            valid = (starts_a >= 0) & (starts_a < ends_a) & (ends_a <= batch.lengths[span_doc])
            valid &= ends_a - starts_a == lengths
            batch.mark(span_doc[~valid])
            g_starts = np.where(valid, starts_a + batch.base[span_doc], 0)
            g_ends = np.where(valid, ends_a + batch.base[span_doc], 0)
            batch.mark(span_doc[~(token_start[g_starts] & token_end[g_ends])])
            # Gather the text under every span (stored lengths; invalid spans read index 0 onwards).
            offsets = np.zeros(len(lengths), dtype=np.int64)
            np.cumsum(lengths[:-1], out=offsets[1:])
            index = np.repeat(g_starts - offsets, lengths) + np.arange(int(lengths.sum()))
            index = np.minimum(index, max(batch.size - 1, 0))
            wrong = batch.code_points[index] != _code_points("".join(stored))
            batch.mark(span_doc[np.repeat(np.arange(len(lengths)), lengths)[wrong]])
    except (_Fallback, UnicodeEncodeError):
        return [False] * len(docs)  # non-integer offsets or lone surrogates: the detailed path decides
    return (~batch.bad).tolist()
