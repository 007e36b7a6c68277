"""Generated blocks inside hand-written Markdown files (between BEGIN/END markers)."""

from __future__ import annotations

from pathlib import Path

from .errors import PolyphonyError
from .jsonl import atomic_write


def markers(name: str) -> tuple[str, str]:
    return f"<!-- BEGIN GENERATED: {name} -->", f"<!-- END GENERATED: {name} -->"


def splice(path: Path, name: str, content: str) -> str:
    """The text of `path` with block `name` replaced by `content`."""
    text = path.read_text(encoding="utf-8")
    begin, end = markers(name)
    if begin not in text or end not in text:
        raise PolyphonyError(f"{path}: the markers {begin!r} and {end!r} are missing")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n\n{content.rstrip()}\n\n{end}{tail}"


def is_current(path: Path, name: str, content: str) -> bool:
    return splice(path, name, content) == path.read_text(encoding="utf-8")


def write_block(path: Path, name: str, content: str) -> None:
    new = splice(path, name, content)
    with atomic_write(path, "w") as handle:
        handle.write(new)
