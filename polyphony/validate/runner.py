"""Validate JSON Lines files or release directories, in parallel, with located findings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import orjson
from tqdm import tqdm

from ..errors import PolyphonyError, UsageError
from ..jsonl import read_lines
from .checks import Finding
from .document import validate_document

CHUNK = 2000
PARALLEL_THRESHOLD = 4000


@dataclass
class Report:
    """What a validation run found."""

    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings


def _check_line(file: str, number: int, raw: bytes, partial: bool) -> list[Finding]:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return [Finding("json-parse", "$", f"not valid JSON: {exc}", "one JSON object per line", file, number, "")]
    doc_id = doc.get("id", "") if isinstance(doc, dict) else ""
    return [f.located(file, number, str(doc_id)) for f in validate_document(doc, partial)]


def _check_chunk(args: tuple[str, list[tuple[int, bytes]], bool]) -> tuple[int, list[Finding]]:
    file, lines, partial = args
    found: list[Finding] = []
    for number, raw in lines:
        found.extend(_check_line(file, number, raw, partial))
    return len(lines), found


def _chunks(file: str, path: Path, partial: bool) -> Iterator[tuple[str, list[tuple[int, bytes]], bool]]:
    batch: list[tuple[int, bytes]] = []
    for item in read_lines(path):
        batch.append(item)
        if len(batch) == CHUNK:
            yield file, batch, partial
            batch = []
    if batch:
        yield file, batch, partial


def release_files(directory: Path) -> list[Path]:
    """The Parquet files of the `documents` config of a release directory."""
    files = sorted((directory / "data" / "documents").glob("*.parquet"))
    if not files:
        raise PolyphonyError(
            f"{directory}: not a Polyphony release (no data/documents/*.parquet) and not a JSON Lines file"
        )
    return files


def _validate_parquet(path: Path, partial: bool, report: Report) -> None:
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as exc:  # pyarrow raises many types for a broken file
        raise PolyphonyError(f"{path}: cannot read Parquet: {exc}") from None
    for number, doc in enumerate(rows, start=1):
        report.findings.extend(
            f.located(str(path), number, str(doc.get("id", ""))) for f in validate_document(doc, partial)
        )
    report.documents += len(rows)


def validate_paths(paths: list[Path], partial: bool = False, jobs: int | None = None, progress: bool = True) -> Report:
    """Validate every document of every path (JSON Lines file or release directory)."""
    report = Report()
    for path in map(Path, paths):
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_dir():
            for parquet in release_files(path):
                _validate_parquet(parquet, partial, report)
                report.files += 1
            continue
        report.files += 1
        size = path.stat().st_size
        workers = jobs or os.cpu_count() or 1
        chunks = _chunks(str(path), path, partial)
        bar = tqdm(unit=" docs", desc=f"validating {path.name}", disable=not progress or None, leave=False)
        if workers > 1 and size > PARALLEL_THRESHOLD * 1000:
            with get_context("fork").Pool(workers) as pool:
                results: Any = pool.imap(_check_chunk, chunks)
                _collect(results, report, bar)
        else:
            _collect(map(_check_chunk, chunks), report, bar)
        bar.close()
    return report


def _collect(results: Any, report: Report, bar: Any) -> None:
    for count, found in results:
        report.documents += count
        report.findings.extend(found)
        bar.update(count)
