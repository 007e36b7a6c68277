"""Where the repository's files live."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def repo_root() -> Path:
    """The Polyphony checkout: $POLYPHONY_ROOT, else the directory above this package."""
    env = os.environ.get("POLYPHONY_ROOT")
    return Path(env).resolve() if env else PACKAGE_DIR.parent


def schema_path() -> Path:
    return repo_root() / "schema" / "polyphony.schema.json"


def corpus_dir() -> Path:
    return repo_root() / "corpus"
