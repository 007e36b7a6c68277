"""Authoring sources (YAML with text anchors) compiled to canonical documents."""

from .anchors import AnchorError, resolve_anchor
from .compile import CompileError, compile_file, compile_source

__all__ = ["AnchorError", "CompileError", "compile_file", "compile_source", "resolve_anchor"]
