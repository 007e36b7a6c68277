"""Build the release directory: validate, write Parquet per config and split, card, manifest."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from .. import __version__
from ..errors import PolyphonyError
from ..jsonl import atomic_write
from ..paths import repo_root
from ..schema import SCHEMA_VERSION
from ..splits import SPLIT_ORDER, corpus_splits
from ..validate import validate_document
from ..views import VIEWS
from . import licence
from .card import card_markdown
from .croissant import croissant
from .features import FEATURES

CONFIGS = ["documents", "ner", "events", "attribution", "stance"]
MANIFEST = "manifest.json"
CROISSANT = "croissant.json"


def parquet_bytes(rows: list[dict[str, Any]], features: Any) -> bytes:
    """Rows as Parquet with the features' Arrow schema (and its `huggingface` metadata); the same
    rows always give the same bytes."""
    encoded = [features.encode_example(row) for row in rows]
    table = pa.Table.from_pylist(encoded, schema=features.arrow_schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd", compression_level=9, row_group_size=10_000)
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> None:
    with atomic_write(path) as handle:
        handle.write(data)


def check_documents(docs: list[dict[str, Any]]) -> None:
    """Refuse to release invalid or synthetic documents; every finding is listed."""
    problems = []
    for doc in docs:
        if doc.get("metadata", {}).get("provenance") == "synthetic":
            problems.append(f"document {doc.get('id')}: synthetic documents are never released")
        problems += [f.format() for f in validate_document(doc)]
    if problems:
        raise PolyphonyError("the corpus does not validate; nothing was written:\n" + "\n".join(problems))


SECOND = "second_annotation"


def build_release(
    docs: list[dict[str, Any]], out: Path, progress: bool = True, second: list[dict[str, Any]] | None = None
) -> dict[str, dict[str, int]]:
    """Write the release of `docs` to `out` (replacing a previous release there); returns the rows
    per config and split. `second` are independent second annotations of some documents, released
    as the config `second_annotation` in the split of their document."""
    check_documents(docs + (second or []))
    unknown = sorted({d["id"] for d in second or []} - {d["id"] for d in docs})
    if unknown:
        raise PolyphonyError(f"second annotations of documents that are not in the corpus: {', '.join(unknown)}")
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).exists():
        raise PolyphonyError(f"{out}: exists, is not empty and is not a Polyphony release; choose another --out")
    split_of = corpus_splits(docs)
    by_split: dict[str, list[dict[str, Any]]] = {}
    for doc in sorted(docs, key=lambda d: d["id"]):
        by_split.setdefault(split_of[doc["id"]], []).append(doc)
    splits = [s for s in SPLIT_ORDER if s in by_split]
    staging = out.with_name(f".{out.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    files: dict[str, bytes] = {}
    counts: dict[str, dict[str, int]] = {}
    features = {name: FEATURES[name]() for name in CONFIGS}
    jobs = [(config, split) for config in CONFIGS for split in splits]
    for config, split in tqdm(jobs, desc="building release", disable=not progress or None, leave=False):
        docs_here = by_split[split]
        rows = docs_here if config == "documents" else [row for doc in docs_here for row in VIEWS[config](doc)]
        files[f"data/{config}/{split}.parquet"] = parquet_bytes(rows, features[config])
        counts.setdefault(config, {})[split] = len(rows)
    configs = list(CONFIGS)
    if second:
        configs.append(SECOND)
        features[SECOND] = features["documents"]
        for split in splits:
            rows = sorted((d for d in second if split_of[d["id"]] == split), key=lambda d: d["id"])
            if rows:
                files[f"data/{SECOND}/{split}.parquet"] = parquet_bytes(rows, features[SECOND])
                counts.setdefault(SECOND, {})[split] = len(rows)
    files["README.md"] = card_markdown(configs, counts, features).encode()
    files["LICENSE.md"] = f"# Licence\n\n{licence.SUMMARY}\n".encode()
    files["CITATION.cff"] = (repo_root() / "CITATION.cff").read_bytes()
    metadata = croissant(configs, counts, features, files)
    files[CROISSANT] = (json.dumps(metadata, indent=1, ensure_ascii=False) + "\n").encode()
    manifest = {
        "name": "polyphony",
        "polyphony_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "rows": counts,
        "files": [
            {"path": p, "bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()} for p, b in sorted(files.items())
        ],
    }
    files[MANIFEST] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    for relative, data in files.items():
        _write(staging / relative, data)
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)
    return counts
