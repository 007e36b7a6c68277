"""Validate JSON Lines files or release directories, in parallel, with located findings."""

from __future__ import annotations

import gc
import mmap
import os
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import orjson
from tqdm import tqdm

from ..errors import PolyphonyError, UsageError
from .checks import Finding
from .document import validate_documents

CHUNK_BYTES = 64 << 20
PARALLEL_BYTES = 4 << 20
BATCH = 32  # documents per vectorised text check: large enough to amortise NumPy calls, small enough to stay in cache


@dataclass
class Report:
    """What a validation run found."""

    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings


def _parse(file: str, number: int, raw: bytes) -> tuple[Any, list[Finding]]:
    try:
        return orjson.loads(raw), []
    except orjson.JSONDecodeError as exc:
        return None, [
            Finding("json-parse", "$", f"not valid JSON: {exc}", "one JSON object per line", file, number, "")
        ]


def _check_lines(file: str, lines: list[tuple[int, bytes]], partial: bool) -> list[Finding]:
    """Findings of a batch of (line number, raw JSON) lines."""
    found: list[Finding] = []
    parsed = []
    for number, raw in lines:
        doc, problems = _parse(file, number, raw)
        if problems:
            found += problems
        else:
            parsed.append((number, doc))
    results = validate_documents([doc for _, doc in parsed], partial)
    for (number, doc), findings in zip(parsed, results, strict=True):
        doc_id = str(doc.get("id", "")) if isinstance(doc, dict) else ""
        found += [f.located(file, number, doc_id) for f in findings]
    return found


def _check_range(args: tuple[str, int, int, int, bool]) -> tuple[int, list[Finding]]:
    """Validate the lines of bytes [start, end) of a file, the first being line `first_line`, in
    batches. Each worker reads its own range, so documents never travel through a pipe; the cyclic
    garbage collector is paused because parsed documents hold no cycles."""
    file, start, end, first_line, partial = args
    found: list[Finding] = []
    paused = gc.isenabled()
    gc.disable()
    try:
        with open(file, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        lines = [(n, raw) for n, raw in enumerate(data.split(b"\n"), start=first_line) if raw.strip()]
        for k in range(0, len(lines), BATCH):
            found += _check_lines(file, lines[k : k + BATCH], partial)
    finally:
        if paused:
            gc.enable()
    return len(lines), found


def _ranges(path: Path, partial: bool, pieces: int) -> list[tuple[str, int, int, int, bool]]:
    """Newline-aligned byte ranges of a file, each with the number of its first line."""
    size = path.stat().st_size
    ranges = []
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        start, line = 0, 1
        for k in range(1, pieces + 1):
            end = size if k == pieces else data.find(b"\n", size * k // pieces)
            end = size if end == -1 else end + (end < size)
            if end <= start:
                continue
            ranges.append((str(path), start, end, line, partial))
            line += data[start:end].count(b"\n")
            start = end
    return ranges


def release_files(directory: Path) -> list[Path]:
    """The Parquet files of the `documents` config of a release directory."""
    files = sorted((directory / "data" / "documents").glob("*.parquet"))
    if not files:
        raise PolyphonyError(
            f"{directory}: not a Polyphony release (no data/documents/*.parquet) and not a JSON Lines file"
        )
    return files


def _parquet_batches(path: Path) -> Any:
    """Rows of a Parquet file, BATCH at a time; a broken file is a clear error."""
    import pyarrow.parquet as pq

    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
            yield batch.to_pylist()
    except Exception as exc:  # pyarrow raises many types for a broken file
        raise PolyphonyError(f"{path}: cannot read Parquet: {exc}") from None


def _validate_parquet(path: Path, partial: bool, report: Report) -> None:
    number = 0
    for rows in _parquet_batches(path):
        for doc, findings in zip(rows, validate_documents(rows, partial), strict=True):
            number += 1
            report.findings.extend(f.located(str(path), number, str(doc.get("id", ""))) for f in findings)
    report.documents += number


def validate_paths(paths: list[Path], partial: bool = False, jobs: int | None = None, progress: bool = True) -> Report:
    """Validate every document of every path (JSON Lines file or release directory)."""
    report = Report()
    for path in map(Path, paths):
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.suffix in {".yaml", ".yml"}:
            raise UsageError(
                f"{path}: an authoring file; check it with `polyphony compile {path}` "
                "(validate reads JSON Lines files and release directories)"
            )
        if path.is_dir():
            for parquet in release_files(path):
                _validate_parquet(parquet, partial, report)
                report.files += 1
            continue
        report.files += 1
        size = path.stat().st_size
        workers = jobs or os.cpu_count() or 1
        if size == 0:
            continue
        parallel = workers > 1 and size > PARALLEL_BYTES
        ranges = _ranges(path, partial, workers * 8 if parallel else max(1, size // CHUNK_BYTES))
        bar = tqdm(
            total=len(ranges), unit=" chunks", desc=f"validating {path.name}", disable=not progress or None, leave=False
        )
        if parallel:
            with get_context("fork").Pool(workers) as pool:
                _collect(pool.imap(_check_range, ranges), report, bar)
        else:
            _collect(map(_check_range, ranges), report, bar)
        bar.close()
    return report


def _collect(results: Any, report: Report, bar: Any) -> None:
    for count, found in results:
        report.documents += count
        report.findings.extend(found)
        bar.update(1)
