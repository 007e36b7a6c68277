"""Text anchors: find a span by writing the text around it, not by counting characters.

Forms (see schema/GUIDELINES.md, "Authoring"):

- ``Baghdad``: the span is the whole anchor; it must occur exactly once in the text.
- ``in eastern [Baghdad] has``: the bracketed part is the span; the whole string (without the
  brackets) must occur exactly once.
- ``[of Iraq slipping ... US attacks]``: a range, from the start text to the first following end
  text (for long contents).
- a trailing `` #N`` picks the N-th occurrence (1-based) when the context still repeats.

Matching ignores the difference between straight and curly quotes, dashes and no-break spaces,
so an annotator can type ' and " for ’ and “.
"""

from __future__ import annotations

import re

FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
OCCURRENCE_RE = re.compile(r"^(?P<body>.*?)\s+#(?P<n>[1-9][0-9]*)$", re.DOTALL)
RANGE_SEP = " ... "


class AnchorError(ValueError):
    """An anchor that matches nothing, or more than one place."""


def fold(text: str) -> str:
    """Map typographic variants to plain ASCII, one character for one, so offsets are kept."""
    return text.translate(FOLD)


def _occurrences(haystack: str, needle: str, start: int = 0) -> list[int]:
    found = []
    position = haystack.find(needle, start)
    while position != -1:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def _split(anchor: str) -> tuple[str, str, str]:
    """(left context, span text, right context)."""
    if anchor.count("[") == 1 and anchor.count("]") == 1 and anchor.index("[") < anchor.index("]"):
        left, rest = anchor.split("[", 1)
        span, right = rest.split("]", 1)
        return left, span, right
    return "", anchor, ""


def _pick(anchor: str, positions: list[int], nth: int | None, where: str) -> int:
    if not positions:
        raise AnchorError(f"anchor {anchor!r} matches nothing in the text{where}")
    if nth is None:
        if len(positions) > 1:
            raise AnchorError(
                f"anchor {anchor!r} is ambiguous: it matches {len(positions)} places{where}; "
                "add context around the brackets or a trailing ' #N'"
            )
        return positions[0]
    if nth > len(positions):
        raise AnchorError(f"anchor {anchor!r} asks for occurrence #{nth} but there are {len(positions)}{where}")
    return positions[nth - 1]


def resolve_anchor(anchor: str, text: str, folded: str | None = None) -> tuple[int, int]:
    """The [start, end) offsets in `text` that `anchor` designates."""
    if not isinstance(anchor, str) or not anchor.strip():
        raise AnchorError(f"anchor must be a non-empty string, got {anchor!r}")
    folded = fold(text) if folded is None else folded
    nth = None
    body = anchor
    match = OCCURRENCE_RE.match(anchor)
    if match:
        body, nth = match.group("body"), int(match.group("n"))
    left, span, right = (fold(part) for part in _split(body))
    if not span.strip():
        raise AnchorError(f"anchor {anchor!r} marks an empty span")
    if RANGE_SEP in span:
        head, tail = span.split(RANGE_SEP, 1)
        position = _pick(anchor, _occurrences(folded, left + head), nth, "")
        start = position + len(left)
        ends = _occurrences(folded, tail + right, start + len(head))
        if not ends:
            raise AnchorError(f"anchor {anchor!r}: the range end {tail!r} does not follow its start")
        end = ends[0] + len(tail)
    else:
        position = _pick(anchor, _occurrences(folded, left + span + right), nth, "")
        start = position + len(left)
        end = start + len(span)
    if text[start:end] != text[start:end].strip():
        raise AnchorError(f"anchor {anchor!r} gives a span that starts or ends with whitespace")
    return start, end
