"""Validate parsed documents through every level, stopping at the first level that fails.

Each level has a fast path that only says "nothing to report" (the text level's is vectorised over
a batch) and a detailed path that says what is wrong; the detailed path runs only where the fast
path does not vouch for a document.
"""

from __future__ import annotations

from typing import Any

from .checks import Finding
from .fast_path import references_and_labels_ok
from .labels import check_labels
from .references import check_references
from .structure import check_structure
from .text_batch import texts_ok
from .text_offsets import check_text


def validate_documents(docs: list[Any], partial: bool = False) -> list[list[Finding]]:
    """The findings of each document (an empty list when it is valid)."""
    results: list[list[Finding]] = []
    for doc in docs:
        if not isinstance(doc, dict):
            kind = type(doc).__name__
            results.append(
                [Finding("not-an-object", "$", f"a JSON {kind}, not an object", "a JSON object (one document)")]
            )
        else:
            results.append(check_structure(doc, partial))
    sound = [i for i, found in enumerate(results) if not found]  # objects that fit the schema
    for i, fast in zip(sound, texts_ok([docs[i] for i in sound]), strict=True):
        doc = docs[i]
        if not fast:
            results[i], _, _ = check_text(doc)
            if results[i]:
                continue
        if not references_and_labels_ok(doc):
            results[i] = check_references(doc) or check_labels(doc)
    return results


def validate_document(doc: Any, partial: bool = False) -> list[Finding]:
    """All findings for one document; empty when it is valid."""
    return validate_documents([doc], partial)[0]
