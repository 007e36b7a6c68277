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
