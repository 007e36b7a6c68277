"""Agreement: perfect on identical annotations, hand-computed on a changed one, docs kept current."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from polyphony.agreement import agreement
from polyphony.cli import main


def test_identical_annotations_agree_perfectly(minimal: dict[str, Any]) -> None:
    result = agreement([(minimal, copy.deepcopy(minimal))])
    assert all(row["exact_f1"] == 1.0 for row in result["spans"].values())
    assert all(row["observed_agreement"] == 1.0 for row in result["labels"].values())


def test_hand_computed_mention_agreement(minimal: dict[str, Any]) -> None:
    second = copy.deepcopy(minimal)
    dropped = next(m for m in second["mentions"] if m["text"] == "Kemarra")
    second["mentions"].remove(dropped)  # one mention fewer
    second["mentions"][0]["type"] = "LOC"  # one type changed
    for entity in second["entities"]:
        entity["mentions"] = [m for m in entity["mentions"] if m != dropped["id"]]
    n = len(minimal["mentions"])
    result = agreement([(minimal, second)])
    # precision 1, recall (n-1)/n
    assert result["spans"]["mentions"]["exact_f1"] == pytest.approx(2 * (n - 1) / (2 * n - 1))
    assert result["labels"]["mention type"]["items"] == n - 1
    assert result["labels"]["mention type"]["observed_agreement"] == pytest.approx((n - 2) / (n - 1))


def test_datasheet_agreement_block_is_current() -> None:
    assert main(["-q", "agreement", "--check-docs"]) == 0, "run `polyphony agreement --write-docs`"


def test_disagreements_list_what_an_adjudicator_decides(minimal: dict[str, Any]) -> None:
    from polyphony.agreement import disagreements

    second = copy.deepcopy(minimal)
    kemarra = next(m for m in second["mentions"] if m["text"] == "Kemarra")
    second["mentions"].remove(kemarra)
    for entity in second["entities"]:
        entity["mentions"] = [m for m in entity["mentions"] if m != kemarra["id"]]
    next(e for e in second["events"] if e["type"] == "AID")["type"] = "SUPPORT"
    lines = disagreements(minimal, second)
    assert any(line.startswith("mention first only:") and "'Kemarra'" in line for line in lines)
    assert "event type: 'aid' first AID, second SUPPORT" in lines
    assert disagreements(minimal, copy.deepcopy(minimal)) == []


def test_disagreements_cover_arguments_and_stances(minimal: dict[str, Any]) -> None:
    from polyphony.agreement import disagreements

    second = copy.deepcopy(minimal)
    aid = next(e for e in second["events"] if e["type"] == "AID")
    aid["arguments"] = [a for a in aid["arguments"] if a["role"] != "Time"]
    second["stances"] = [s for s in second["stances"] if s["holder"]["kind"] != "WRITER"]
    lines = disagreements(minimal, second)
    assert any(line.startswith("argument first only: 'aid' Time") and "'Monday'" in line for line in lines)
    assert "stance first only: WRITER -> entity 'officials in Kemarra' NEUTRAL" in lines
    assert not any("second only" in line for line in lines)


def test_adjudication_is_measured_against_both_annotations() -> None:
    from polyphony.agreement import FIRST_DIR, corpus_agreement
    from polyphony.paths import corpus_dir

    result = corpus_agreement()
    adjudicated = result["adjudicated"]
    assert adjudicated["documents"] == len(list((corpus_dir() / FIRST_DIR).glob("*.yaml")))
    # The gold moved away from the first annotation: adjudication adopted second-annotator decisions.
    assert min(adjudicated["gold_vs_first"].values()) < 1.0
    assert all(0.0 < f <= 1.0 for f in adjudicated["gold_vs_second"].values())
