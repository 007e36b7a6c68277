"""The seed article in gold: verbatim text, complete layers, and single corruptions that fail."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from polyphony.paths import repo_root
from polyphony.validate import validate_document


def test_seed_text_is_the_seed_file_without_the_navigation_line(seed: dict[str, Any]) -> None:
    raw = (repo_root() / "seeds" / "000_c061e7b9e99da56e.txt").read_text(encoding="utf-8")
    assert raw.startswith("Skip to content\n\n")
    assert seed["text"] == raw[len("Skip to content\n\n") :]
    assert seed["metadata"]["provenance"] == "seed"
    assert seed["metadata"]["date_inferred"] is True
    assert seed["metadata"]["outlet"] is None


def test_seed_copy_in_repo_matches_shared_seed() -> None:
    shared = repo_root().parent / "shared" / "seeds" / "000_c061e7b9e99da56e.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert shared.read_bytes() == (repo_root() / "seeds" / shared.name).read_bytes()


def test_seed_validates(seed: dict[str, Any]) -> None:
    assert validate_document(seed) == []


def test_seed_layers_are_populated(seed: dict[str, Any]) -> None:
    by_level = {level: sum(m["level"] == level for m in seed["mentions"]) for level in ("NAM", "NOM", "PRO")}
    assert all(count > 0 for count in by_level.values())
    assert {a["quote_type"] for a in seed["attributions"]} == {"DIRECT", "INDIRECT", "MIXED"}
    assert any(a["parent"] for a in seed["attributions"])
    assert any(a["source"]["kind"] == "IMPLICIT" for a in seed["attributions"])
    assert {s["holder"]["kind"] for s in seed["stances"]} == {"ENTITY", "WRITER"}
    assert {s["target"]["kind"] for s in seed["stances"]} == {"ENTITY", "EVENT", "PROPOSITION"}
    assert {e["realis"] for e in seed["events"]} == {"ACTUAL", "GENERIC", "OTHER"}


def _shift(doc: dict[str, Any]) -> None:
    doc["mentions"][5]["start"] += 2
    doc["mentions"][5]["end"] += 2


def _dangle(doc: dict[str, Any]) -> None:
    doc["stances"][0]["holder"]["id"] = "e999"


def _duplicate(doc: dict[str, Any]) -> None:
    doc["events"][3]["id"] = doc["events"][2]["id"]


def _unknown(doc: dict[str, Any]) -> None:
    doc["attributions"][0]["quote_type"] = "PARAPHRASE"


def _role(doc: dict[str, Any]) -> None:
    event = next(e for e in doc["events"] if e["type"] == "CONSULT" and e["arguments"])
    event["arguments"][0]["role"] = "Instrument"


def _mismatch(doc: dict[str, Any]) -> None:
    doc["attributions"][2]["cue"]["text"] = "says"


CORRUPTIONS = {
    "span-text-mismatch": _shift,
    "dangling-reference": _dangle,
    "duplicate-id": _duplicate,
    "unknown-label": _unknown,
    "role-not-allowed": _role,
    "span-text-mismatch ": _mismatch,
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_single_corruption_of_the_seed_fails_and_names_it(seed: dict[str, Any], name: str) -> None:
    bad = copy.deepcopy(seed)
    CORRUPTIONS[name](bad)
    findings = validate_document(bad)
    assert [f.check for f in findings] == [name.strip()]


def test_guidelines_tables_are_generated_from_the_schema() -> None:
    from polyphony.guidelines import guidelines_up_to_date

    assert guidelines_up_to_date(), "run `polyphony guidelines --write`"


def test_seed_document_in_corpus_dir_points_at_seed_file() -> None:
    source = repo_root() / "corpus" / "documents" / "seed-c061e7b9e99da56e.yaml"
    assert "seeds/000_c061e7b9e99da56e.txt" in source.read_text(encoding="utf-8")
    assert Path(source).exists()
