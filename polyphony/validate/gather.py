"""Integer offsets pulled out of lists of dicts, for the vectorised text fast path.

`offsets`, `span_offsets` and `vouch_for_offsets` are written twice: here in Python, and in `_gather.pyx`, compiled when
the package is installed. The compiled one reads every dict in one C loop, about three times faster;
this one is used where no compiler was at hand. Both raise `Unreadable` where an offset is a float (5.0,
which JSON Schema accepts as an integer), is missing or does not fit 64 bits; the caller then takes
the detailed path, which says what is wrong.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import eq, getitem, itemgetter
from typing import Any

import numpy as np

_bounds = itemgetter("start", "end")
_text = itemgetter("text")


class Unreadable(Exception):
    """An offset that is not a 64-bit int (or a dict without one)."""


def offsets(groups: list[list[dict[str, Any]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(items per group, starts, ends) of every {"start", "end"} dict in `groups`, as int64 arrays."""
    counts = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
    try:
        values = list(chain.from_iterable(map(_bounds, chain.from_iterable(groups))))
        if type(sum(values)) is not int:  # a float among them (True and False pass; the schema refuses them)
            raise Unreadable
        flat = np.fromiter(values, dtype=np.int64, count=len(values))
    except (TypeError, KeyError, OverflowError) as error:
        raise Unreadable from error
    return counts, flat[0::2].copy(), flat[1::2].copy()


def span_offsets(
    texts: list[str], groups: list[list[dict[str, Any]]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`offsets` of spans, plus whether each span's stored "text" equals its slice of its group's text."""
    counts, starts, ends = offsets(groups)
    items = list(chain.from_iterable(groups))
    owners = chain.from_iterable(map(repeat, texts, map(len, groups)))
    slices = map(slice, starts.tolist(), ends.tolist())
    same = np.fromiter(map(eq, map(getitem, owners, slices), map(_text, items)), dtype=bool, count=len(items))
    return counts, starts, ends, same


def vouch_for_offsets(items: list[Any]) -> bool:
    """True only if every item is exactly {"start": int >= 0, "end": int >= 1}, the schema's Offsets.

    The compiled twin checks this so that the JSON Schema validator need not read every token; in
    Python the check would cost what it saves, so this one never vouches."""
    return False
