"""JSON Lines in and out: numbered lines for error messages, atomic writes, stable bytes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import orjson

from .errors import PolyphonyError


def dumps(doc: Any) -> bytes:
    """One document as one JSON line (UTF-8, keys in the document's order, no trailing newline)."""
    return orjson.dumps(doc)


def read_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, raw line) for every non-blank line of a file."""
    try:
        with open(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except OSError as exc:
        raise PolyphonyError(f"{path}: cannot read: {exc.strerror}") from None


def read_documents(path: Path) -> list[dict[str, Any]]:
    """Every document of a JSON Lines file; a line that is not JSON is an error naming the line."""
    docs = []
    for number, line in read_lines(path):
        try:
            docs.append(orjson.loads(line))
        except orjson.JSONDecodeError as exc:
            raise PolyphonyError(f"{path}:{number}: not valid JSON: {exc}") from None
    return docs


@contextmanager
def atomic_write(path: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename it into place; nothing half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_documents(path: Path, docs: Iterable[dict[str, Any]]) -> int:
    """Write documents as JSON Lines atomically; returns how many."""
    count = 0
    with atomic_write(path) as handle:
        for doc in docs:
            handle.write(dumps(doc) + b"\n")
            count += 1
    return count
