"""The command line: exit codes 0 / 1 / 2, clear messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from polyphony.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["-q", "validate", str(FIXTURES / "valid" / "minimal.jsonl")]) == 0
    assert main(["-q", "validate", str(FIXTURES / "invalid" / "role-not-allowed.jsonl")]) == 1
    assert main(["-q", "validate", str(tmp_path / "missing.jsonl")]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["-q", "validate", str(FIXTURES / "minimal.yaml")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "missing.jsonl: no such file" in err
    assert "minimal.yaml: an authoring file; check it with `polyphony compile" in err


def test_validate_prints_located_findings_and_explanations(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "invalid" / "span-text-mismatch.jsonl"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:1: document fixture-minimal: $.mentions[0]: [span-text-mismatch]" in out
    assert "What the checks mean:" in out


def test_export_writes_every_document_and_it_validates(tmp_path: Path, corpus: list[dict]) -> None:
    out = tmp_path / "corpus.jsonl"
    assert main(["-q", "export", "--format", "jsonl", "--out", str(out)]) == 0
    docs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert docs == corpus
    assert main(["-q", "validate", str(out)]) == 0


def test_export_rejects_unknown_format(tmp_path: Path) -> None:
    assert main(["export", "--format", "xml", "--out", str(tmp_path / "x")]) == 2


def test_compile_prints_canonical_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", "corpus/documents/seed-c061e7b9e99da56e.yaml"]) == 0
    doc = orjson.loads(capsys.readouterr().out)
    assert doc["id"] == "seed-c061e7b9e99da56e"
