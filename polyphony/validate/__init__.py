"""Validation in levels: format, structure (schema), text and offsets, references, labels."""

from .checks import CHECKS, LEVEL_NAMES, Finding
from .document import validate_document, validate_documents
from .runner import Report, validate_paths

__all__ = ["CHECKS", "LEVEL_NAMES", "Finding", "Report", "validate_document", "validate_documents", "validate_paths"]
