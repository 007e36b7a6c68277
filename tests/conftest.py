"""Shared fixtures: the minimal valid document, the seed document, a built release."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from polyphony.corpus import compile_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ID = "seed-c061e7b9e99da56e"


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    return compile_corpus()


@pytest.fixture()
def seed(corpus: list[dict[str, Any]]) -> dict[str, Any]:
    return copy.deepcopy(next(d for d in corpus if d["id"] == SEED_ID))


@pytest.fixture()
def minimal() -> dict[str, Any]:
    return orjson.loads((FIXTURES / "valid" / "minimal.jsonl").read_bytes())


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory, corpus: list[dict[str, Any]]) -> Path:
    from polyphony.agreement import compile_second
    from polyphony.release import build_release

    out = tmp_path_factory.mktemp("release") / "polyphony"
    build_release(corpus, out, progress=False, second=compile_second())
    return out
