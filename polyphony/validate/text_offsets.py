"""Level 3: the text, the tiling of tokens and sentences, and every span against the text."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .checks import Finding
from .spans import iter_spans

WHITESPACE = re.compile(r"\s")


def _first_gap(text: str, items: list[dict[str, int]]) -> str:
    """Describe the first place where `items` fail to tile the non-whitespace of `text` (slow path)."""
    covered = bytearray(len(text) + 1)
    prev_end = 0
    for i, it in enumerate(items):
        s, e = it["start"], it["end"]
        if e <= s or e > len(text):
            return f"item {i} [{s}, {e}) is empty, reversed or past the end of the text (length {len(text)})"
        if s < prev_end:
            return f"item {i} [{s}, {e}) overlaps or precedes the one before it (which ends at {prev_end})"
        piece = text[s:e]
        if WHITESPACE.search(piece) and (piece != piece.strip() or piece.strip() == ""):
            return f"item {i} [{s}, {e}) {piece!r} starts or ends with whitespace"
        covered[s:e] = b"\x01" * (e - s)
        prev_end = e
    for pos, char in enumerate(text):
        if not covered[pos] and not char.isspace():
            return f"character {pos} {char!r} is not covered"
    return "the items do not tile the text"


def _tiles(text: str, items: list[dict[str, int]], non_ws: int, inner_ws_ok: bool) -> bool:
    n = len(text)
    prev_end = 0
    total = 0
    pieces = []
    for it in items:
        s, e = it["start"], it["end"]
        if s < prev_end or e <= s or e > n:
            return False
        total += e - s
        prev_end = e
        pieces.append(text[s:e])
    if inner_ws_ok:
        # Sentences may contain spaces but must start and end on non-whitespace.
        if any(p[0].isspace() or p[-1].isspace() for p in pieces):
            return False
        return sum(len(p) - len(WHITESPACE.sub("", p)) for p in pieces) + non_ws == total
    return total == non_ws and not WHITESPACE.search("".join(pieces))


def _non_integer_offset(doc: dict[str, Any]) -> Finding | None:
    """JSON Schema counts 5.0 as an integer; offsets must be written 5."""
    items = [(f"$.tokens[{i}]", t) for i, t in enumerate(doc["tokens"])]
    items += [(f"$.sentences[{i}]", t) for i, t in enumerate(doc["sentences"])]
    for path, item in [*items, *iter_spans(doc)]:
        for key in ("start", "end"):
            if type(item[key]) is not int:
                return Finding("wrong-type", f"{path}.{key}", f"{item[key]!r} is not an integer", "an integer offset")
    return None


def check_text(doc: dict[str, Any]) -> tuple[list[Finding], set[int] | None, set[int] | None]:
    """Text and offset findings, plus the token start and end sets (None if tokens do not tile)."""
    wrong = _non_integer_offset(doc)
    if wrong:
        return [wrong], None, None
    findings: list[Finding] = []
    text: str = doc["text"]
    if not unicodedata.is_normalized("NFC", text):
        findings.append(
            Finding("text-not-nfc", "$.text", "the text is not in Unicode NFC", "unicodedata.normalize('NFC', text)")
        )
    if "\r" in text:
        findings.append(
            Finding(
                "text-bad-newline",
                "$.text",
                f"the text contains \\r at offset {text.index(chr(13))}",
                "\\n line ends only",
            )
        )
    if text != text.strip():
        findings.append(
            Finding("text-not-stripped", "$.text", "the text starts or ends with whitespace", "text == text.strip()")
        )
    non_ws = len(text) - len(WHITESPACE.findall(text))
    tokens, sentences = doc["tokens"], doc["sentences"]
    token_starts: set[int] | None = None
    token_ends: set[int] | None = None
    if not _tiles(text, tokens, non_ws, inner_ws_ok=False):
        findings.append(Finding("tokens-not-tiling", "$.tokens", _first_gap(text, tokens), "tokens that tile the text"))
    else:
        token_starts = {t["start"] for t in tokens}
        token_ends = {t["end"] for t in tokens}
    if not _tiles(text, sentences, non_ws, inner_ws_ok=True):
        findings.append(
            Finding("sentences-not-tiling", "$.sentences", _first_gap(text, sentences), "sentences that tile the text")
        )
    elif token_starts is not None:
        for i, s in enumerate(sentences):
            if s["start"] not in token_starts or s["end"] not in token_ends:
                findings.append(
                    Finding(
                        "token-crosses-sentence",
                        f"$.sentences[{i}]",
                        f"sentence [{s['start']}, {s['end']}) does not start and end on token boundaries",
                        "sentence boundaries at token boundaries",
                    )
                )
                break
    n = len(text)
    for path, span in iter_spans(doc):
        s, e, stored = span["start"], span["end"], span["text"]
        if e <= s:
            findings.append(Finding("span-reversed", path, f"start {s} is not before end {e}", "start < end"))
        elif e > n:
            findings.append(
                Finding("offset-out-of-range", path, f"end {e} is past the end of the text (length {n})", f"end <= {n}")
            )
        elif text[s:e] != stored:
            findings.append(
                Finding(
                    "span-text-mismatch",
                    path,
                    f"text[{s}:{e}] is {text[s:e]!r} but the span says {stored!r}",
                    f"text {text[s:e]!r} or offsets of {stored!r}",
                )
            )
        elif token_starts is not None and (s not in token_starts or e not in token_ends):
            findings.append(
                Finding(
                    "span-not-token-aligned",
                    path,
                    f"[{s}, {e}) {stored!r} cuts through a token",
                    "a span that starts and ends on token boundaries",
                )
            )
    return findings, token_starts, token_ends
