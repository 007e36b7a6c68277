"""The scorer on documents: hand-computed figures, edge cases, bootstrap, errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from polyphony.cli import main
from polyphony.errors import PolyphonyError
from polyphony.jsonl import write_documents
from polyphony.scoring import score_documents
from polyphony.scoring.score import bootstrap, paired_bootstrap


def _mention(doc: dict[str, Any], text: str) -> dict[str, Any]:
    return next(m for m in doc["mentions"] if m["text"] == text)


def test_identical_predictions_score_one(minimal: dict[str, Any]) -> None:
    scores = score_documents([minimal], [minimal]).scores
    assert scores["entities"]["strict"]["f1"] == 1.0
    assert scores["events"]["argument_classification"]["f1"] == 1.0
    assert scores["attribution"]["full"]["f1"] == 1.0
    assert scores["stance"]["macro_f1"] == 1.0 and scores["stance"]["accuracy"] == 1.0


def test_hand_computed_entity_figures(minimal: dict[str, Any]) -> None:
    pred = copy.deepcopy(minimal)
    kemarra = _mention(pred, "Kemarra")
    kemarra["type"] = "LOC"  # same span, wrong type
    officials = _mention(pred, "Officials")
    officials["end"] += 3  # "Officials in": overlaps, wrong boundary
    officials["text"] = pred["text"][officials["start"] : officials["end"]]
    pred["mentions"].remove(_mention(pred, "reporters"))  # missed
    pred["mentions"].append(
        {"id": "m99", "start": 0, "end": 6, "text": "Convoy", "type": "VEH", "level": "NOM"}
    )  # spurious
    for entity in pred["entities"]:
        entity["mentions"] = [m for m in entity["mentions"] if any(x["id"] == m for x in pred["mentions"])]
    pred["entities"] = [e for e in pred["entities"] if e["mentions"]] + [
        {
            "id": "e99",
            "type": "VEH",
            "name": "x",
            "mentions": ["m99"],
            "world_id": None,
            "wikidata": None,
            "value": None,
        }
    ]
    pred["entities"] = [
        e
        if e["id"] != next(x["id"] for x in pred["entities"] if kemarra["id"] in x["mentions"])
        else {**e, "type": "LOC"}
        for e in pred["entities"]
    ]
    for layer in ("events", "attributions", "propositions", "stances"):
        pred.pop(layer)
    n = len(minimal["mentions"])
    scores = score_documents([minimal], [pred], layers=["entities"]).scores["entities"]
    # strict: correct n-3 (Kemarra wrong type, Officials wrong span, reporters missed); 2 incorrect, 1 missed, 1 spurious
    assert (
        scores["strict"]["correct"],
        scores["strict"]["incorrect"],
        scores["strict"]["missed"],
        scores["strict"]["spurious"],
    ) == (n - 3, 2, 1, 1)
    assert scores["strict"]["precision"] == pytest.approx((n - 3) / n) and scores["strict"]["recall"] == pytest.approx(
        (n - 3) / n
    )
    # exact ignores the type: Kemarra is correct; Officials is incorrect
    assert scores["exact"]["correct"] == n - 2 and scores["exact"]["incorrect"] == 1
    # partial: Officials earns half credit
    assert scores["partial"]["partial"] == 1
    assert scores["partial"]["precision"] == pytest.approx((n - 2 + 0.5) / n)
    # type: overlap with the right type counts, so Officials is correct and Kemarra incorrect
    assert scores["type"]["correct"] == n - 2 and scores["type"]["incorrect"] == 1


def test_empty_predictions_and_empty_documents(minimal: dict[str, Any]) -> None:
    empty = {
        **copy.deepcopy(minimal),
        "mentions": [],
        "entities": [],
        "events": [],
        "attributions": [],
        "propositions": [],
        "stances": [],
    }
    scores = score_documents([minimal], [empty]).scores
    assert scores["entities"]["strict"]["f1"] == 0.0 and scores["entities"]["strict"]["missed"] == len(
        minimal["mentions"]
    )
    assert scores["stance"]["accuracy"] == 0.0 and scores["stance"]["missing_pairs"] == len(minimal["stances"])
    both_empty = score_documents([empty], [empty]).scores
    assert both_empty["entities"]["strict"]["f1"] == 0.0 and both_empty["events"]["trigger_identification"]["gold"] == 0


def test_nested_gold_spans_are_scored_span_by_span(seed: dict[str, Any]) -> None:
    assert any(
        a["start"] <= b["start"] and b["end"] <= a["end"] and a is not b
        for a in seed["mentions"]
        for b in seed["mentions"]
    )
    scores = score_documents([seed], [seed]).scores["entities"]
    assert scores["strict"]["f1"] == 1.0 and scores["partial"]["f1"] == 1.0


def test_a_layer_left_out_is_not_scored(minimal: dict[str, Any]) -> None:
    pred = {k: v for k, v in copy.deepcopy(minimal).items() if k not in ("events",)}
    result = score_documents([minimal], [pred])
    assert result.layers == ["entities", "attribution", "stance"] and "events" not in result.scores


def test_stance_only_predictions_refer_to_gold_ids(minimal: dict[str, Any]) -> None:
    keep = ("schema_version", "id", "title", "text", "metadata", "sentences", "tokens", "propositions", "stances")
    pred = {k: v for k, v in copy.deepcopy(minimal).items() if k in keep}
    pred["stances"][0]["polarity"] = "AGAINST"
    result = score_documents([minimal], [pred])
    assert result.layers == ["stance"]
    assert result.scores["stance"]["accuracy"] == pytest.approx(2 / 3)


def test_argument_needs_its_trigger(minimal: dict[str, Any]) -> None:
    pred = copy.deepcopy(minimal)
    aid = next(e for e in pred["events"] if e["type"] == "AID")
    aid["type"] = "MOBILIZE"  # the trigger is found but misclassified, so its arguments do not count
    scores = score_documents([minimal], [pred], layers=["events"]).scores["events"]
    assert scores["trigger_identification"]["f1"] == 1.0
    assert scores["trigger_classification"]["tp"] == 1
    assert scores["argument_identification"]["tp"] == 0


def test_bootstrap_is_seeded_and_brackets_the_estimate(seed: dict[str, Any], minimal: dict[str, Any]) -> None:
    docs = [minimal, seed]
    pred = [copy.deepcopy(d) for d in docs]
    for d in pred:  # predictions of the entity layer only, every other mention of the seed left out
        d["mentions"] = d["mentions"][:: 2 if d is pred[1] else 1]
        kept = {m["id"] for m in d["mentions"]}
        d["entities"] = [{**e, "mentions": [m for m in e["mentions"] if m in kept]} for e in d["entities"]]
        d["entities"] = [e for e in d["entities"] if e["mentions"]]
        for layer in ("events", "attributions", "propositions", "stances"):
            d.pop(layer)
    result = score_documents(docs, pred, layers=["entities"])
    a, b = bootstrap(result, 200, seed=1), bootstrap(result, 200, seed=1)
    assert a == b
    f1 = result.scores["entities"]["strict"]["f1"]
    assert a["entities.strict.f1"]["low"] <= f1 <= a["entities.strict.f1"]["high"]
    same = paired_bootstrap(result, result, 100)
    assert same["entities.strict.f1"]["delta"] == 0 and same["entities.strict.f1"]["p_value"] == 1.0


def _write(path: Path, docs: list[dict[str, Any]]) -> str:
    write_documents(path, docs)
    return str(path)


def test_cli_errors_are_clear(tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    gold = _write(tmp_path / "gold.jsonl", [minimal])
    broken = copy.deepcopy(minimal)
    broken["mentions"][0]["start"] += 1
    assert main(["score", "--gold", gold, "--pred", _write(tmp_path / "broken.jsonl", [broken])]) == 1
    assert "[span-text-mismatch]" in capsys.readouterr().err
    unknown = copy.deepcopy(minimal)
    unknown["events"][0]["type"] = "PARADE"
    assert main(["score", "--gold", gold, "--pred", _write(tmp_path / "unknown.jsonl", [unknown])]) == 1
    assert "[unknown-label]" in capsys.readouterr().err
    other = {**copy.deepcopy(minimal), "id": "another-doc"}
    assert main(["score", "--gold", gold, "--pred", _write(tmp_path / "other.jsonl", [other])]) == 1
    err = capsys.readouterr().err
    assert "have no prediction" in err and "--allow-missing" in err and "Traceback" not in err
    assert main(["score", "--gold", gold, "--pred", str(tmp_path / "other.jsonl"), "--allow-missing", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entities"]["strict"]["f1"] == 0.0


def test_cli_markdown_and_comparison(
    tmp_path: Path, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "gold.jsonl", [minimal])
    assert main(["score", "--gold", gold, "--pred", gold, "--against", gold, "--bootstrap", "50"]) == 0
    out = capsys.readouterr().out
    assert "| entities | strict.f1 | 100.0 | 100.0 | 100.0 |" in out and "p (A not better)" in out


def test_score_against_release_directory(release: Path, corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(PolyphonyError):
        score_documents(corpus, [])
    pred = _write(tmp_path / "pred.jsonl", corpus)
    assert main(["-q", "score", "--gold", str(release), "--pred", pred, "--json"]) == 0
