"""The corpus on disk: authoring sources, the proposition inventory, compiled documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .authoring import CompileError, compile_file
from .errors import PolyphonyError
from .paths import corpus_dir, repo_root

DOCUMENTS_DIR = "documents"
PROPOSITION_FILES = ("propositions.yaml", "world/propositions.yaml")


def load_propositions(corpus: Path | None = None) -> dict[str, str]:
    """Proposition id -> label, from every inventory file of the corpus."""
    corpus = corpus or corpus_dir()
    table: dict[str, str] = {}
    for name in PROPOSITION_FILES:
        path = corpus / name
        if not path.exists():
            continue
        for i, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            if not isinstance(item, dict) or "id" not in item or "label" not in item:
                raise PolyphonyError(f"{path}: item {i} needs an id and a label")
            if item["id"] in table:
                raise PolyphonyError(f"{path}: proposition id {item['id']!r} is defined twice")
            table[str(item["id"])] = str(item["label"])
    return table


def source_files(corpus: Path | None = None) -> list[Path]:
    """Authoring sources (gold), sorted by name."""
    return sorted(((corpus or corpus_dir()) / DOCUMENTS_DIR).glob("*.yaml"))


def compile_corpus(corpus: Path | None = None) -> list[dict[str, Any]]:
    """Compile every gold source; all compile errors are reported together."""
    corpus = corpus or corpus_dir()
    propositions = load_propositions(corpus)
    docs, problems = [], []
    for path in source_files(corpus):
        try:
            docs.append(compile_file(path, repo_root(), propositions))
        except CompileError as exc:
            problems.append(str(exc))
    if problems:
        raise PolyphonyError("\n".join(problems))
    ids = [d["id"] for d in docs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PolyphonyError(f"{corpus / DOCUMENTS_DIR}: document ids used twice: {', '.join(duplicates)}")
    return sorted(docs, key=lambda d: d["id"])
