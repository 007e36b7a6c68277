"""Deterministic tokens and sentences, as half-open character offsets.

The tokenizer splits hyphens and the possessive 's off words so that every entity name in the
corpus starts and ends on a token boundary ("US-led" -> "US" "-" "led", "Hezbollah's" ->
"Hezbollah" "'s"). Abbreviations keep their full stop ("Feb.", "U.S."), which is also what keeps
them from ending a sentence.
"""

from __future__ import annotations

import re
import unicodedata

Offsets = tuple[int, int]

ABBREVIATIONS = [
    "Adm",
    "Brig",
    "Capt",
    "Col",
    "Cpl",
    "Dr",
    "Gen",
    "Gov",
    "Lt",
    "Maj",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "Pvt",
    "Rep",
    "Sen",
    "Sgt",
    "St",
    "Jr",
    "Sr",
    "Inc",
    "Ltd",
    "Co",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "No",
    "vs",
    "etc",
    "approx",
]

TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # initialisms: U.S., U.N.
    r"|(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\.(?=\s|$|[,;:)])"
    r"|\d+(?:[.,:]\d+)*"  # numbers: 2020, 3.5, 1,000, 10:30
    r"|\w+(?:['\u2019]\w+)*"  # words, with inner apostrophes: Kata'ib, don't
    r"|\S",  # anything else, one character at a time
)
POSSESSIVE_RE = re.compile(r"['\u2019][sS]$")
SENTENCE_END = {".", "!", "?", "\u2026"}
CLOSERS = {"\u201d", "\u2019", '"', "'", ")", "]"}
OPENERS = {"\u201c", "\u2018", '"', "'", "(", "["}


def normalise_text(raw: str) -> str:
    """NFC, `\\n` line ends, no trailing whitespace."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip()


def tokenize(text: str) -> list[Offsets]:
    """Token offsets of `text`, in order, tiling every non-whitespace character."""
    tokens: list[Offsets] = []
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if end - start > 2 and POSSESSIVE_RE.search(match.group()):
            tokens.append((start, end - 2))
            tokens.append((end - 2, end))
        else:
            tokens.append((start, end))
    return tokens


def _starts_sentence(token: str) -> bool:
    first = token[0]
    return first.isupper() or first.isdigit() or token in OPENERS


def split_sentences(text: str, tokens: list[Offsets]) -> list[Offsets]:
    """Sentence offsets: a line break always ends a sentence; so does . ! ? (with any closing
    quotes or brackets) before a token that starts with a capital, a digit or an opening quote."""
    sentences: list[Offsets] = []
    if not tokens:
        return sentences
    first = 0
    n = len(tokens)
    for i in range(n - 1):
        end_i, start_next = tokens[i][1], tokens[i + 1][0]
        gap = text[end_i:start_next]
        boundary = "\n" in gap
        if not boundary and gap:
            word = text[tokens[i][0] : end_i]
            j = i
            while word in CLOSERS and j > first:
                j -= 1
                word = text[tokens[j][0] : tokens[j][1]]
            nxt = text[start_next : tokens[i + 1][1]]
            boundary = word in SENTENCE_END and j < i + 1 and _starts_sentence(nxt)
        if boundary:
            sentences.append((tokens[first][0], end_i))
            first = i + 1
    sentences.append((tokens[first][0], tokens[-1][1]))
    return sentences


def segment(text: str) -> tuple[list[Offsets], list[Offsets]]:
    """(sentences, tokens) of a normalised text."""
    tokens = tokenize(text)
    return split_sentences(text, tokens), tokens


def segment_offsets(text: str) -> tuple[list[dict[str, int]], list[dict[str, int]]]:
    """(sentences, tokens) as a canonical document holds them: {"start", "end"} objects."""
    sentences, tokens = segment(text)
    return [{"start": s, "end": e} for s, e in sentences], [{"start": s, "end": e} for s, e in tokens]
