"""The fast path of the text level for a batch of documents, vectorised with NumPy.

`texts_ok(docs)[i]` is True only if `check_text(docs[i])` would find nothing; a False sends that
document down the detailed path, which says what is wrong. The documents must have passed the
structural level (offsets are integers, spans have text). Every document's text is laid end to end
in one array of code points, so tokens, sentences and spans of the whole batch are checked with a
few array operations instead of a Python loop per token.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import numpy as np

from .gather import Unreadable
from .spans import all_spans

try:
    from ._gather import offsets, span_offsets
except ImportError:  # installed without a C compiler: the same functions in Python
    from .gather import offsets, span_offsets

# The characters str.isspace() and str.split() treat as whitespace (all below U+3001).
WHITESPACE = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
SOLID = np.ones(0x3002, dtype=bool)  # indexed by min(code point, 0x3001): False for whitespace
SOLID[WHITESPACE] = False


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
        self.solid = SOLID[np.minimum(self.code_points, len(SOLID) - 1)]  # non-whitespace characters
        self.solid_before = np.zeros(self.size + 1, dtype=np.int64)  # non-whitespace before each position
        np.cumsum(self.solid, out=self.solid_before[1:])
        self.doc_solid = self.solid_before[self.base + lengths] - self.solid_before[self.base]
        self.bad = np.zeros(len(texts), dtype=bool)

    def items(self, per_doc: list[list[Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Doc index, start and end of every item, with items out of their text's range marked bad
        (and clipped, so that they cannot touch another document's characters)."""
        counts, starts, ends = offsets(per_doc)
        doc = np.repeat(np.arange(len(per_doc)), counts)
        valid = (starts >= 0) & (starts < ends) & (ends <= self.lengths[doc])
        self.mark(doc[~valid])
        keep = valid & ~self.bad[doc]
        return doc[keep], starts[keep] + self.base[doc[keep]], ends[keep] + self.base[doc[keep]]

    def ordered(self, doc: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> None:
        """Within each document, every item ends before the next one starts."""
        same = doc[1:] == doc[:-1]
        self.mark(doc[1:][same & (starts[1:] < ends[:-1])])

    def solid_inside(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """How many non-whitespace characters each item covers."""
        return self.solid_before[ends] - self.solid_before[starts]

    def covers_all_solid(self, doc: np.ndarray, solid: np.ndarray) -> None:
        """Ordered items, of which `solid` non-whitespace characters each, cover every
        non-whitespace character of their document exactly when the counts add up."""
        per_doc = np.bincount(doc, weights=solid, minlength=len(self.bad))
        self.mark(np.flatnonzero(per_doc != self.doc_solid))

    def mark(self, doc: np.ndarray) -> None:
        self.bad[doc] = True

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
        doc, t_starts, t_ends = batch.items(tokens)
        batch.ordered(doc, t_starts, t_ends)
        widths = t_ends - t_starts
        batch.mark(doc[batch.solid_inside(t_starts, t_ends) != widths])  # whitespace inside a token
        batch.covers_all_solid(doc, widths)
        token_start, token_end = batch.boundaries(t_starts), batch.boundaries(t_ends)
        # Sentences: ordered, covering every non-whitespace character, starting and ending on one,
        # and on token boundaries.
        doc, s_starts, s_ends = batch.items(sentences)
        batch.ordered(doc, s_starts, s_ends)
        batch.covers_all_solid(doc, batch.solid_inside(s_starts, s_ends))
        edges = ~batch.solid[s_starts] | ~batch.solid[s_ends - 1] | ~token_start[s_starts] | ~token_end[s_ends]
        batch.mark(doc[edges])
        # Spans: inside the text, on token boundaries, and their stored text equal to the slice.
        counts, starts, ends, same = span_offsets(texts, spans)
        span_doc = np.repeat(np.arange(len(docs)), counts)
        valid = (starts >= 0) & (starts < ends) & (ends <= batch.lengths[span_doc]) & same
        batch.mark(span_doc[~valid])
        g_starts = np.where(valid, starts + batch.base[span_doc], 0)
        g_ends = np.where(valid, ends + batch.base[span_doc], 0)
        batch.mark(span_doc[~(token_start[g_starts] & token_end[g_ends])])
    except (Unreadable, UnicodeEncodeError):
        return [False] * len(docs)  # non-integer offsets or lone surrogates: the detailed path decides
    return (~batch.bad).tolist()
