"""Validate one parsed document through every level, stopping at the first level that fails."""

from __future__ import annotations

from typing import Any

from .checks import Finding
from .labels import check_labels
from .references import check_references, references_ok
from .structure import check_structure
from .text_offsets import check_text, text_ok


def validate_document(doc: Any, partial: bool = False) -> list[Finding]:
    """All findings for one document; empty when it is valid."""
    if not isinstance(doc, dict):
        return [
            Finding("not-an-object", "$", f"a JSON {type(doc).__name__}, not an object", "a JSON object (one document)")
        ]
    findings = check_structure(doc, partial)
    if findings:
        return findings
    if not text_ok(doc):
        findings, _, _ = check_text(doc)
        if findings:
            return findings
    if not references_ok(doc):
        findings = check_references(doc)
        if findings:
            return findings
    return check_labels(doc)
