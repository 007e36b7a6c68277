# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled twin of `gather.py` (same functions, same results; see there)."""

import numpy as np

from .gather import Unreadable


def offsets(list groups):
    """(items per group, starts, ends) of every {"start", "end"} dict in `groups`, as int64 arrays."""
    cdef Py_ssize_t g, k = 0, n = 0
    cdef list group
    cdef dict item
    counts = np.empty(len(groups), dtype=np.int64)
    cdef long long[::1] per_group = counts
    for g in range(len(groups)):
        per_group[g] = len(groups[g])
        n += per_group[g]
    starts = np.empty(n, dtype=np.int64)
    ends = np.empty(n, dtype=np.int64)
    cdef long long[::1] s = starts
    cdef long long[::1] e = ends
    try:
        for group in groups:
            for item in group:
                a = item["start"]
                b = item["end"]
                if type(a) is not int or type(b) is not int:
                    raise Unreadable
                s[k] = a
                e[k] = b
                k += 1
    except (TypeError, KeyError, OverflowError) as error:
        raise Unreadable from error
    return counts, starts, ends


def span_offsets(list texts, list groups):
    """`offsets` of spans, plus whether each span's stored "text" equals its slice of its group's text."""
    counts, starts, ends = offsets(groups)
    same = np.empty(len(starts), dtype=np.uint8)
    cdef unsigned char[::1] out = same
    cdef long long[::1] s = starts
    cdef long long[::1] e = ends
    cdef Py_ssize_t g, k = 0
    cdef str text
    cdef dict item
    for g in range(len(groups)):
        text = texts[g]
        for item in groups[g]:
            out[k] = text[s[k]:e[k]] == item["text"]
            k += 1
    return counts, starts, ends, same.view(np.bool_)


def vouch_for_offsets(list items):
    """True only if every item is exactly {"start": int >= 0, "end": int >= 1}, the schema's Offsets."""
    cdef dict item
    cdef long long start, end
    for value in items:
        if type(value) is not dict:
            return False
        item = value
        if len(item) != 2:
            return False
        a = item.get("start")
        b = item.get("end")
        if type(a) is not int or type(b) is not int:
            return False
        try:
            start = a
            end = b
        except OverflowError:  # past 64 bits: let the schema decide
            return False
        if start < 0 or end < 1:
            return False
    return True
