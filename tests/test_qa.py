"""QA checks: each fires on a small constructed case and stays quiet on the clean fixture."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from polyphony.qa import inconsistent_labels, near_duplicates, omissions, run_qa, template_sentences
from polyphony.text import segment


def _doc(doc_id: str, text: str) -> dict[str, Any]:
    sentences, tokens = segment(text)
    return {
        "id": doc_id,
        "text": text,
        "sentences": [{"start": s, "end": e} for s, e in sentences],
        "tokens": [{"start": s, "end": e} for s, e in tokens],
        "mentions": [],
        "events": [],
        "attributions": [],
        "stances": [],
    }


def test_clean_fixture_has_no_omissions(minimal: dict[str, Any]) -> None:
    assert omissions(minimal) == []


def test_near_duplicates_are_found() -> None:
    body = "The convoy left the border crossing at dawn and reached the city before the curfew began in earnest."
    found = near_duplicates(
        [_doc("a", body), _doc("b", body + " Residents cheered."), _doc("c", "Something else entirely.")]
    )
    assert [(f.document, f.text) for f in found] == [("a", "b")]


def test_template_sentences_with_names_swapped_are_found() -> None:
    a = _doc("a", "Headline\n\nMinister Dara Venn told reporters in Kemarra that the talks would resume on Monday.")
    b = _doc("b", "Other\n\nMinister Saman Delvari told reporters in Hadrun that the talks would resume on Friday.")
    assert [f.check for f in template_sentences([a, b])] == ["template-sentence"]


def test_inconsistent_labels(minimal: dict[str, Any]) -> None:
    other = copy.deepcopy(minimal)
    other["id"] = "other"
    next(m for m in other["mentions"] if m["text"] == "Kemarra")["type"] = "LOC"
    assert [f.text for f in inconsistent_labels([minimal, other])] == ["Kemarra"]


def test_uncovered_reporting_verb_quotation_and_name(minimal: dict[str, Any]) -> None:
    doc = copy.deepcopy(minimal)
    doc["attributions"] = [a for a in doc["attributions"] if a["cue"]["text"] != "told"]
    doc["mentions"] = [m for m in doc["mentions"] if m["text"] != "Kemarra"]
    checks = sorted(f.check for f in omissions(doc))
    assert checks == ["uncovered-name", "uncovered-quotation", "uncovered-reporting-verb"]


def test_negated_speech_is_not_an_omission() -> None:
    doc = _doc("d", "Headline\n\nThe ministry did not say who fired, and the army declined to say more.")
    assert omissions(doc) == []


def test_waivers_need_a_reason_and_silence_a_finding(minimal: dict[str, Any], tmp_path: Path) -> None:
    doc = copy.deepcopy(minimal)
    doc["mentions"] = [m for m in doc["mentions"] if m["text"] != "Kemarra"]
    failing, waived, _ = run_qa([doc], tmp_path)
    assert [f.text for f in failing] == ["Kemarra"] and waived == []
    (tmp_path / "qa-exceptions.yaml").write_text(
        "- {check: uncovered-name, document: fixture-minimal, text: Kemarra, reason: test}\n", encoding="utf-8"
    )
    failing, waived, density = run_qa([doc], tmp_path)
    assert failing == [] and [f.text for f in waived] == ["Kemarra"] and density["mentions"] > 0
