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


def test_world_links_clean_fixture_and_each_broken_link(minimal: dict[str, Any]) -> None:
    from polyphony.qa import world_links
    from polyphony.world import World

    world = World(
        entities=frozenset({"tel-gabra", "compass-wire", "kemarra"}),
        outlets=frozenset({"compass-wire"}),
        stories=frozenset({"fixture-story"}),
        happenings=frozenset({"fixture-story-convoy"}),
    )
    assert world_links([minimal], world) == []
    broken = copy.deepcopy(minimal)
    broken["metadata"]["outlet_id"] = "nowhere-news"
    broken["metadata"]["story_id"] = "story-999"
    next(e for e in broken["entities"] if e["world_id"] == "kemarra")["world_id"] = "kemara"
    aid = next(e for e in broken["events"] if e["story_event"])
    aid["story_event"] = "fixture-story-convoi"
    found = {(f.check, f.text) for f in world_links([broken], world)}
    assert found == {
        ("unknown-outlet", "nowhere-news"),
        ("unknown-story", "story-999"),
        ("unknown-world-id", "kemara"),
        ("unregistered-story-event", "fixture-story-convoi"),
    }
    aid["story_event"] = "fixture-story-convoy"  # a registered happening is fine
    assert ("unregistered-story-event", "fixture-story-convoy") not in {
        (f.check, f.text) for f in world_links([broken], world)
    }


def test_world_registry_errors_name_the_file(tmp_path: Path) -> None:
    import pytest

    from polyphony.errors import PolyphonyError
    from polyphony.world import load_world

    world = tmp_path / "world"
    world.mkdir()
    (world / "entities.yaml").write_text("- id: kemarra\n")
    (world / "outlets.yaml").write_text("- id: compass-wire\n")
    (world / "timeline.yaml").write_text("stories:\n  - id: story-001\n    happenings:\n      - id: story-001-x\n")
    with pytest.raises(PolyphonyError, match=r"timeline.yaml: story-001: happening 0 needs an id and a summary"):
        load_world(tmp_path)


def test_stale_waiver_fails_and_noun_uses_are_not_omissions(minimal: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "qa-exceptions.yaml").write_text(
        "- {check: uncovered-name, document: fixture-minimal, text: Kemarra, reason: no longer needed}\n",
        encoding="utf-8",
    )
    failing, waived, _ = run_qa([minimal], tmp_path)  # Kemarra is annotated: the waiver matches nothing
    assert [(f.check, f.text) for f in failing] == [("stale-waiver", "Kemarra")] and waived == []
    assert "qa-exceptions.yaml" in failing[0].message
    nouns = _doc("d", "Headline\n\nThe claims were false, and its notes were lost.")
    assert omissions(nouns) == []
    verb = _doc("v", "Headline\n\nThe minister claims the talks failed.")
    assert [f.text for f in omissions(verb)] == ["claims"]


def test_mixed_content_must_keep_its_quotation_marks_balanced(minimal: dict[str, Any]) -> None:
    doc = copy.deepcopy(minimal)
    said = next(a for a in doc["attributions"] if a["quote_type"] == "INDIRECT")
    said["quote_type"] = "MIXED"
    said["content"][0]["text"] = 'the governor had called the crossing "a success'  # stored text is enough here
    assert [f.check for f in omissions(doc)] == ["unbalanced-mixed-content"]
    said["content"][0]["text"] = 'the governor had called the crossing "a success"'
    assert omissions(doc) == []
