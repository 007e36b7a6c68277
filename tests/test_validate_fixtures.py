"""One invalid fixture per validation check, each failing with exactly that check."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyphony.validate import CHECKS, validate_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_every_check_has_a_fixture() -> None:
    fixtures = {p.stem for p in (FIXTURES / "invalid").glob("*.jsonl")}
    assert fixtures == set(CHECKS)


def test_valid_fixture_passes() -> None:
    report = validate_paths([FIXTURES / "valid" / "minimal.jsonl"], progress=False)
    assert report.ok and report.documents == 1


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_fixture_fails_with_its_check(check: str) -> None:
    path = FIXTURES / "invalid" / f"{check}.jsonl"
    report = validate_paths([path], progress=False)
    assert {f.check for f in report.findings} == {check}
    finding = report.findings[0]
    assert finding.file == str(path) and finding.line == 1
    assert finding.path.startswith("$")
    if check not in {"json-parse", "not-an-object"}:
        assert finding.doc_id == "fixture-minimal"
